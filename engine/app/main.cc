// Entry point of the `casus` command; everything else lives in casus_app.
#include "app/cli.h"

int main(int argc, char** argv) { return casus::run_cli(argc, argv); }
