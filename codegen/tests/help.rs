//! Every subcommand the CLI has, now or later, explains itself with an example.

fn run(args: &[&str]) -> (u8, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut console = codegen::cli::Console {
        out: &mut out,
        err: &mut err,
        err_is_terminal: false,
    };
    let mut argv = vec!["codegen"];
    argv.extend_from_slice(args);
    let code = codegen::cli::run(argv, &mut console);
    (code, String::from_utf8_lossy(&out).into_owned())
}

/// The subcommands listed under `Commands:` in `codegen --help`.
fn subcommands() -> Vec<String> {
    let (_, help) = run(&["--help"]);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_subcommand_has_long_help_with_an_example() {
    let commands = subcommands();
    assert!(commands.iter().any(|c| c == "generate"), "{commands:?}");
    for command in &commands {
        let (code, help) = run(&[command, "--help"]);
        assert_eq!(code, 0, "{command} --help");
        assert!(
            help.contains("Examples:"),
            "`codegen {command} --help` has no example:\n{help}"
        );
        assert!(
            help.contains(&format!("codegen {command}")),
            "{command}: {help}"
        );
        assert!(help.lines().count() > 5, "{command}: {help}");
    }
}
