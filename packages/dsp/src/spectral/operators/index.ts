// Filled in by the spectral work: RxJS operators of this area.
export {};
