// Filled in by the stats work: RxJS operators of this area.
export {};
