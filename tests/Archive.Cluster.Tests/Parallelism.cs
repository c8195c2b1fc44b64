using Xunit.Sdk;
using Xunit.v3;

// Each test starts three to five .NET processes and some measure recovery times: run one at a time, so a test measures
// the archive and not the other tests competing for the same cores.
[assembly: Parallelization(Mode = ParallelMode.None)]
