// Filled in by the envelope work: RxJS operators of this area.
export {};
