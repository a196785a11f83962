// Serial boards: line protocol parsing, rate/axes detection, the reconnecting source, port listing.
export {};
