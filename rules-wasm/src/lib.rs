//! Browser build of Urenwijzer (see issue: the browser build). Stub for now.
