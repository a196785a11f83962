// Filled in by the resample work: RxJS operators of this area.
export {};
