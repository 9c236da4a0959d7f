export * from './prng';
export * from './personas';
export * from './player-features';
export * from './player-behaviour';
