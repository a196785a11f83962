// Filled in by the normalize work: RxJS operators of this area.
export {};
