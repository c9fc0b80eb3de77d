export * from './common';
export * from './entity';
export * from './relation';
export * from './note';
export * from './source';
