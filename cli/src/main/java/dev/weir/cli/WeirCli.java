package dev.weir.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code weir} command. {@link #main} is the only place that exits the process. */
@Command(name = "weir", mixinStandardHelpOptions = true, versionProvider = WeirCli.Version.class,
        description = "Weir: run, validate and describe stream-processing pipelines.",
        subcommands = {RunCommand.class, ValidateCommand.class, DescribeCommand.class, SavepointCommand.class,
                CommandLine.HelpCommand.class})
public final class WeirCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    /** Without a subcommand: print usage. */
    @Override
    public void run() {
        command.commandLine().usage(command.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(commandLine(out, err).execute(args));
    }

    /** The configured command line, writing to {@code out} and {@code err}: for {@link #main} and in-process tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new WeirCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("weir: internal error: " + e);
            e.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return ExitCode.INTERNAL.code();
        });
        setUsageExitCode(cl);
        return cl;
    }

    private static void setUsageExitCode(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        cl.getSubcommands().values().forEach(WeirCli::setUsageExitCode);
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WeirCli.class.getPackage().getImplementationVersion();
            return new String[] {"weir " + (v == null ? "(development build)" : v)};
        }
    }
}
