// Filled in by the imu work: cores of this area.
export {};
