//! Start-up only: logging, command-line parsing, then the workbench or a subcommand.

use std::process::ExitCode;

use clap::Parser as _;
use factdesk::cli::Cli;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => factdesk::cli::run(command),
        None => factdesk::ui::run(cli.project),
    }
}
