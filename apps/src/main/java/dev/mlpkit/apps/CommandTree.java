package dev.mlpkit.apps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameters;
import com.google.inject.Module;

import dev.mlpkit.apps.circleline.CircleLine;
import dev.mlpkit.apps.circleline.CircleLineFeaturesCsv;
import dev.mlpkit.apps.circleline.CircleLineModule;
import dev.mlpkit.apps.galaxy.GalaxyClassify;
import dev.mlpkit.apps.galaxy.GalaxyEvaluate;
import dev.mlpkit.apps.galaxy.GalaxyModule;
import dev.mlpkit.apps.galaxy.GalaxyTrain;
import dev.mlpkit.apps.train.Classify;
import dev.mlpkit.apps.train.Evaluate;
import dev.mlpkit.apps.train.Train;
import dev.mlpkit.apps.serve.Serve;

/**
 * The {@code mlp} commands as a tree, attached to JCommander's own command tree: each node's options object, the
 * command that runs it, the Guice modules that choose its parts, and the examples its help shows.
 */
final class CommandTree {

    private CommandTree() {
    }

    /** The command tree; option objects are fresh for every run. */
    static Node commands() {
        List<Module> training = List.of(new TrainingModule());
        Node root = new Node(null, null, List.of(), """
                Examples:
                  mlp galaxy train                          train on the built-in images, the tutorial's settings
                  mlp galaxy classify photo.jpg images/     galaxy or not, with the probability
                  mlp circle-line                           the circle/line tutorial on built-in drawings
                  mlp train --data pets/ --test pets-test/  a classifier of your own classes (cat/, dog/, ...)
                  mlp train --data iris.csv --label species a classifier of the rows of a table
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
        root.add("train", new Train.Options(), Train.class, training, """
                Examples:
                  mlp train                                          the built-in digits: 10 classes of 28x28
                  mlp train --data photos/ --size 64x64 --test photos-test/
                  mlp train --data iris.csv --label species --model iris.mlp
                  mlp train --data digits/train --hidden 256-128 --optimizer momentum --learning-rate 0.05
                  mlp train --data digits/train --early-stopping 0 --epochs 10
                """);
        root.add("classify", new Classify.Options(), Classify.class, List.of(), """
                Examples:
                  mlp classify --model model.mlp photo.jpg folder/
                  mlp classify --model model.mlp --top 3 digit.png
                  mlp classify --model iris.mlp new-flowers.csv
                """);
        root.add("evaluate", new Evaluate.Options(), Evaluate.class, List.of(), """
                Examples:
                  mlp evaluate --model model.mlp --data photos-test/
                  mlp evaluate --model iris.mlp --data iris-test.csv
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
                  mlp generate digits --out digits --contact-sheet digits.png
                """);
        Node model = root.add("model", new GroupOptions(), null, List.of(), "");
        model.add("inspect", new ModelInspect.Options(), ModelInspect.class, List.of(), """
                Examples:
                  mlp model inspect galaxy.mlp
                """);
        root.add("optimizers", new ListOptimizers.Options(), ListOptimizers.class, training, "");
        root.add("completion", new Completion.Options(), Completion.class, List.of(), """
                Examples:
                  eval "$(mlp completion bash)"     in ~/.bashrc: Tab completes commands, options and files
                  eval "$(mlp completion zsh)"      the same in ~/.zshrc
                """);
        return root;
    }

    private static List<Module> with(List<Module> modules, Module more) {
        List<Module> all = new ArrayList<>(modules);
        all.add(more);
        return all;
    }

    /** A command's options and examples; for the root and groups, their commands in one line each. */
    static String usage(JCommander jc, Node node, String path) {
        StringBuilder text = new StringBuilder();
        if (node.command != null) {
            text.append(Help.of(jc, path));
            if (!node.children.isEmpty()) {
                text.append("\nCommands:\n");
                list(node, "", text);
            }
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
                String about = p == null ? "" : firstSentence(p.commandDescription());
                text.append(String.format("  %-24s %s%n", path, about));
            }
            list(child, path + " ", text);
        }
    }

    /** The first sentence of a command's description, without its full stop: one line in a list of commands. */
    static String firstSentence(String description) {
        int end = description.indexOf(". ");
        return end < 0 ? description : description.substring(0, end);
    }

    /** A group of commands, such as {@code galaxy}: only the global flags. */
    @Parameters(commandDescription = "A group of commands")
    static final class GroupOptions extends CommonOptions {
    }

    /** A command in the tree: its options, what runs it, its modules, its examples and its subcommands. */
    static final class Node {
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
