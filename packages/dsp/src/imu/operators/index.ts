// Filled in by the imu work: RxJS operators of this area.
export {};
