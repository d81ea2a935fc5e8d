//! The packed indication (`rules_core::output::to_packed`) in the module's
//! memory: one buffer of numbers and one ASCII text, kept between calls (no
//! allocation once they have grown), and a head of four `u32`s, `[address of
//! the numbers, count, address of the text, bytes]`, whose address
//! `evaluatePacked` returns. The wrapper reads them as typed-array views on
//! `wasmMemory()` right after the call.

use std::cell::RefCell;

use rules_core::eval::Indication;
use rules_core::output::Packed;
use wasm_bindgen::prelude::*;

#[derive(Default)]
struct Kept {
    packed: Packed,
    head: [u32; 4],
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::default();
}

/// The head's address after `fill` wrote into the kept buffers.
fn kept(fill: impl FnOnce(&mut Packed)) -> u32 {
    KEPT.with(|cell| {
        let mut kept = cell.borrow_mut();
        let Kept { packed, head } = &mut *kept;
        fill(packed);
        // Addresses and lengths in wasm32's 32-bit memory.
        *head = [
            packed.numbers.as_ptr() as usize as u32,
            packed.numbers.len() as u32,
            packed.text.as_ptr() as usize as u32,
            packed.text.len() as u32,
        ];
        head.as_ptr() as usize as u32
    })
}

/// An indication into the kept buffers; its head's address.
pub(crate) fn pack(ind: &Indication, trace: bool) -> u32 {
    kept(|packed| rules_core::output::to_packed(ind, trace, packed))
}

/// The module's memory, for the wrapper's views on the packed indication.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}
