// The `casus` command line: global options, subcommands, exit statuses
// (0 ok, 1 failure, 2 usage, 3 done with records quarantined).
#pragma once

namespace casus {

int run_cli(int argc, char** argv);

}  // namespace casus
