// Fuzzed channels, first half: see src/main/testing/fuzz/fuzzChannels.ts.
import { fuzzShard } from '../testing/fuzz/fuzzTest';

fuzzShard(0, 2);
