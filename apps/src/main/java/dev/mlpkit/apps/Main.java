package dev.mlpkit.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import com.google.inject.Guice;
import com.google.inject.Module;

import dev.mlpkit.linalg.Compute;
import dev.mlpkit.nn.model.MlpkitVersion;
import dev.mlpkit.training.TrainingDivergedException;

/**
 * {@code mlp}: parses the command line, builds the command's injector, runs it, and exits exactly once with 0
 * (success), 1 (failure) or 2 (usage error). Errors are one sentence; {@code --verbose} adds the stack trace.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code mlp args} and returns the exit code, printing to {@code System.out} and {@code System.err}. */
    public static int run(String... args) {
        args = plain(args);
        GlobalOptions global = new GlobalOptions();
        CommandTree.Node root = CommandTree.commands();
        JCommander jc = JCommander.newBuilder().programName("mlp").addObject(global).allowParameterOverwriting(true).build();
        root.attach(jc);
        CommandTree.Node node = root;
        JCommander current = jc;
        try {
            jc.parse(args);
        } catch (ParameterException e) {
            Logging.configure(false, false);
            System.err.println("mlp: " + CommandLineErrors.explain(e.getMessage(), "mlp" + parsedPath(jc), parsed(jc)));
            System.err.println("Run 'mlp" + parsedPath(jc) + " --help' for the options.");
            return 2;
        }
        List<GlobalOptions> globals = new ArrayList<>(List.of(global));
        while (current.getParsedCommand() != null) {
            String name = current.getParsedCommand();
            node = node.children.get(name);
            current = current.getCommands().get(name);
            if (node.options instanceof CommonOptions common) {
                globals.add(common.global);
            }
        }
        boolean verbose = globals.stream().anyMatch(g -> g.verbose);
        boolean quiet = globals.stream().anyMatch(g -> g.quiet);
        Console console = Console.of(quiet, globals.stream().anyMatch(g -> g.noProgress), System.getenv());
        Logging.configure(verbose, quiet);
        if (globals.stream().anyMatch(g -> g.version)) {
            System.out.println("mlpkit " + MlpkitVersion.current() + " (matrix products: " + Compute.best().kernel().name() + ")");
            return 0;
        }
        if (globals.stream().anyMatch(g -> g.help)) {
            System.out.print(CommandTree.usage(current, node, "mlp" + parsedPath(jc)));
            return 0;
        }
        if (node.command == null) {
            System.err.print(CommandTree.usage(current, node, "mlp" + parsedPath(jc)));
            return 2;
        }
        try {
            List<Module> modules = new ArrayList<>(node.modules);
            modules.add(options(node.options));
            modules.add(binder -> binder.bind(Console.class).toInstance(console));
            ServiceLoader.load(Module.class).forEach(modules::add);
            return Guice.createInjector(modules).getInstance(node.command).run();
        } catch (UsageException e) {
            System.err.println("mlp: " + Printable.of(e.getMessage()));
            return 2;
        } catch (Exception e) {
            Throwable cause = unwrap(e);
            if (verbose) {
                cause.printStackTrace();
            }
            System.err.println("mlp: " + Printable.of(describe(cause)));
            return cause instanceof UsageException ? 2 : 1;
        }
    }

    /** Binds the parsed options object, so the command can have it injected. */
    private static Module options(Object options) {
        return binder -> bind(binder, options);
    }

    @SuppressWarnings("unchecked")
    private static <T> void bind(com.google.inject.Binder binder, T options) {
        binder.bind((Class<T>) options.getClass()).toInstance(options);
    }

    /**
     * The arguments as JCommander takes them: {@code --name=value} as {@code --name value}, and {@code mlp help
     * COMMAND...} as {@code mlp COMMAND... --help}.
     */
    private static String[] plain(String[] args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                out.add(arg.substring(0, equals));
                out.add(arg.substring(equals + 1));
            } else {
                out.add(arg);
            }
        }
        if (!out.isEmpty() && out.get(0).equals("help")) {
            out.remove(0);
            out.add("--help");
        }
        return out.toArray(String[]::new);
    }

    /** The parser of the deepest command parsed so far. */
    private static JCommander parsed(JCommander jc) {
        JCommander current = jc;
        while (current.getParsedCommand() != null) {
            current = current.getCommands().get(current.getParsedCommand());
        }
        return current;
    }

    private static String parsedPath(JCommander jc) {
        StringBuilder path = new StringBuilder();
        JCommander current = jc;
        while (current.getParsedCommand() != null) {
            path.append(' ').append(current.getParsedCommand());
            current = current.getCommands().get(current.getParsedCommand());
        }
        return path.toString();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof com.google.inject.ProvisionException
                || t instanceof com.google.inject.ConfigurationException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** One sentence for a failure: its own message for the expected kinds, the kind and message otherwise. */
    private static String describe(Throwable t) {
        if (t instanceof IOException || t instanceof IllegalArgumentException || t instanceof TrainingDivergedException
                || t instanceof UsageException) {
            return t.getMessage();
        }
        return "unexpected error: " + t + " (run with --verbose for the stack trace)";
    }
}
