//! The `beamlet` command's global allocator: mimalloc, called directly.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc as the allocator, asked for alignment only when a type needs
/// more than a word. (The `mimalloc` crate's allocator calls
/// `mi_malloc_aligned` for every allocation; mimalloc 3 serves that from
/// its fast path only while the size class's current page has a free
/// block, and otherwise over-allocates `size + align - 1` bytes, from the
/// next size class, on a slow path: 5% of all instructions compiling
/// benches' 3,000-line test file.) Every mimalloc block is at least
/// word-aligned, so a layout aligned to a word or less is `mi_malloc`'s.
pub struct Mimalloc;

/// The alignment every block `mi_malloc` returns has.
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: each method passes its arguments to the mimalloc function that
// has the same contract (a block of at least `size` bytes aligned to at
// least `align`, or null; `mi_free`/`mi_realloc` take any block mimalloc
// returned, aligned or not).
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                libmimalloc_sys::mi_malloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl.
        unsafe { libmimalloc_sys::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                libmimalloc_sys::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align())
                    as *mut u8
            }
        }
    }
}

#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;
