// Filled in by the filters work: RxJS operators of this area.
export {};
