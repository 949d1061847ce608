package dev.mlpkit.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import com.beust.jcommander.Parameters;
import com.google.inject.Guice;
import com.google.inject.Module;

import dev.mlpkit.apps.circleline.CircleLine;
import dev.mlpkit.apps.circleline.CircleLineFeaturesCsv;
import dev.mlpkit.apps.circleline.CircleLineModule;
import dev.mlpkit.apps.galaxy.GalaxyClassify;
import dev.mlpkit.apps.galaxy.GalaxyEvaluate;
import dev.mlpkit.apps.galaxy.GalaxyModule;
import dev.mlpkit.apps.galaxy.GalaxyTrain;
import dev.mlpkit.apps.serve.Serve;
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
        Node root = commands();
        JCommander jc = JCommander.newBuilder().programName("mlp").addObject(global).allowParameterOverwriting(true).build();
        root.attach(jc);
        Node node = root;
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
            System.out.print(usage(current, node, "mlp" + parsedPath(jc)));
            return 0;
        }
        if (node.command == null) {
            System.err.print(usage(current, node, "mlp" + parsedPath(jc)));
            return 2;
        }
        try {
            List<Module> modules = new ArrayList<>(node.modules);
            modules.add(options(node.options));
            modules.add(binder -> binder.bind(Console.class).toInstance(console));
            ServiceLoader.load(Module.class).forEach(modules::add);
            return Guice.createInjector(modules).getInstance(node.command).run();
        } catch (UsageException e) {
            System.err.println("mlp: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            Throwable cause = unwrap(e);
            if (verbose) {
                cause.printStackTrace();
            }
            System.err.println("mlp: " + describe(cause));
            return cause instanceof UsageException ? 2 : 1;
        }
    }

    /** The command tree; option objects are fresh for every run. */
    private static Node commands() {
        List<Module> training = List.of(new TrainingModule());
        Node root = new Node(null, null, List.of(), """
                Examples:
                  mlp galaxy train                          train on the built-in images, the tutorial's settings
                  mlp galaxy classify photo.jpg images/     galaxy or not, with the probability
                  mlp circle-line                           the circle/line tutorial on built-in drawings
                  mlp generate galaxy --out my-set          write the synthetic images to a folder
                  mlp model inspect galaxy.mlp              what a model file holds
                  mlp serve                                 a web page that tells galaxies from other images
                Run 'mlp COMMAND --help' for a command's options.
                """);
        Node galaxy = root.add("galaxy", new GroupOptions(), null, List.of(), """
                Examples:
                  mlp galaxy train
                  mlp galaxy classify --model galaxy.mlp photo.jpg
                  mlp galaxy evaluate --model galaxy.mlp --galaxies gz2/ --non-galaxies photos/
                """);
        galaxy.add("train", new GalaxyTrain.Options(), GalaxyTrain.class, with(training, new GalaxyModule()), """
                Examples:
                  mlp galaxy train                                   the tutorial: 20 epochs of mini-batch gd
                  mlp galaxy train --galaxies gz2/ --non-galaxies picsum/ --epochs 30
                  mlp galaxy train --optimizer adam --learning-rate 0.001 --early-stopping 5
                  mlp galaxy train --resume galaxy.mlp --epochs 40   continue, bit for bit, to epoch 40
                  mlp galaxy train --precision float                 float32 throughout, about twice as fast
                """);
        galaxy.add("classify", new GalaxyClassify.Options(), GalaxyClassify.class, training, """
                Examples:
                  mlp galaxy classify photo.jpg
                  mlp galaxy classify --model my.mlp folder-of-images/
                """);
        galaxy.add("evaluate", new GalaxyEvaluate.Options(), GalaxyEvaluate.class, training, """
                Examples:
                  mlp galaxy evaluate --model galaxy.mlp --galaxies ../shared/data/galaxy-sample/galaxies \\
                      --non-galaxies ../shared/data/galaxy-sample/non-galaxies
                """);
        Node circleLine = root.add("circle-line", new CircleLine.Options(), CircleLine.class,
                with(training, new CircleLineModule()), """
                Examples:
                  mlp circle-line                                the tutorial's two networks on built-in drawings
                  mlp circle-line --data circle-line-tutorial/   on the tutorial's own folder layout
                  mlp circle-line --mode softmax --features pixels --image my-drawing.png
                  mlp circle-line --compare                      features vs pixels, two networks vs softmax
                  mlp circle-line features images/ --out input-file.txt
                """);
        circleLine.add("features", new CircleLineFeaturesCsv.Options(), CircleLineFeaturesCsv.class, List.of(), """
                Examples:
                  mlp circle-line features circle-line-tutorial/images --out input-file.txt
                """);
        root.add("serve", new Serve.Options(), Serve.class, List.of(), """
                Examples:
                  mlp serve                                      the page at http://127.0.0.1:8080/
                  mlp serve --model galaxy.mlp --model cl.mlp     and a drawing page at /draw
                  mlp serve --model cl.mlp                       the drawing page alone
                  mlp serve --model galaxy.mlp --port 9000 --max-upload 5000000
                  curl -H 'Content-Type: image/jpeg' --data-binary @photo.jpg http://127.0.0.1:8080/api/classify
                """);
        root.add("generate", new Generate.Options(), Generate.class, List.of(), """
                Examples:
                  mlp generate galaxy --out my-set --count 1025 --others 1025 --contact-sheet sheet.png
                  mlp generate circle-line --out drawings --count 40
                """);
        Node model = root.add("model", new GroupOptions(), null, List.of(), "");
        model.add("inspect", new ModelInspect.Options(), ModelInspect.class, List.of(), """
                Examples:
                  mlp model inspect galaxy.mlp
                """);
        root.add("optimizers", new ListOptimizers.Options(), ListOptimizers.class, training, "");
        return root;
    }

    private static List<Module> with(List<Module> modules, Module more) {
        List<Module> all = new ArrayList<>(modules);
        all.add(more);
        return all;
    }

    /** Binds the parsed options object, so the command can have it injected. */
    private static Module options(Object options) {
        return binder -> bind(binder, options);
    }

    @SuppressWarnings("unchecked")
    private static <T> void bind(com.google.inject.Binder binder, T options) {
        binder.bind((Class<T>) options.getClass()).toInstance(options);
    }

    /** A command's options and examples; for the root and groups, their commands in one line each. */
    private static String usage(JCommander jc, Node node, String path) {
        StringBuilder text = new StringBuilder();
        if (node.children.isEmpty()) {
            jc.getUsageFormatter().usage(text);
            int name = text.indexOf("Usage: ") + "Usage: ".length();
            text.replace(name, name + jc.getProgramName().length(), path);   // the whole path: mlp galaxy train
        } else {
            String name = jc.getProgramName() == null ? "mlp" : jc.getProgramName();
            if (name.equals("mlp")) {
                text.append("mlp: multilayer perceptrons from scratch, the circle/line and galaxy tutorials.\n\n");
            }
            text.append("Usage: ").append(name.equals("mlp") ? "mlp" : "mlp " + name)
                    .append(" COMMAND [options]   (global options: --help, --verbose, -q, --version)\n\nCommands:\n");
            list(node, "", text);
        }
        return text + (node.examples.isEmpty() ? "" : "\n" + node.examples);
    }

    private static void list(Node node, String prefix, StringBuilder text) {
        for (Map.Entry<String, Node> e : node.children.entrySet()) {
            Node child = e.getValue();
            String path = prefix + e.getKey();
            if (child.command != null) {
                Parameters p = child.options.getClass().getAnnotation(Parameters.class);
                text.append(String.format("  %-24s %s%n", path, p == null ? "" : p.commandDescription()));
            }
            list(child, path + " ", text);
        }
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

    /** A group of commands, such as {@code galaxy}: only the global flags. */
    @Parameters(commandDescription = "A group of commands")
    static final class GroupOptions extends CommonOptions {
    }

    /** A command in the tree: its options, what runs it, its modules, its examples and its subcommands. */
    private static final class Node {
        final Object options;
        final Class<? extends Command> command;
        final List<Module> modules;
        final String examples;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(Object options, Class<? extends Command> command, List<Module> modules, String examples) {
            this.options = options;
            this.command = command;
            this.modules = modules;
            this.examples = examples;
        }

        Node add(String name, Object options, Class<? extends Command> command, List<Module> modules, String examples) {
            Node child = new Node(options, command, modules, examples);
            children.put(name, child);
            return child;
        }

        void attach(JCommander jc) {
            for (Map.Entry<String, Node> e : children.entrySet()) {
                jc.addCommand(e.getKey(), e.getValue().options);
                e.getValue().attach(jc.getCommands().get(e.getKey()));
            }
        }
    }
}
