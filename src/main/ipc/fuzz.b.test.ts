// Fuzzed channels, second half: see src/main/testing/fuzz/fuzzChannels.ts.
import { fuzzShard } from '../testing/fuzz/fuzzTest';

fuzzShard(1, 2);
