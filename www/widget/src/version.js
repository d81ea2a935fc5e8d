// The widget's version: www/widget/VERSION, set at build time by
// scripts/build-widget.sh (esbuild --define).

/* global __HBH_VERSION__ */
export const VERSION = typeof __HBH_VERSION__ === 'string' ? __HBH_VERSION__ : '0.0.0-dev';
