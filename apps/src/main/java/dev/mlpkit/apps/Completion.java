package dev.mlpkit.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import com.beust.jcommander.Parameters;
import com.google.inject.Inject;

/**
 * {@code mlp completion bash|zsh}: a shell completion script made from the parser's own command tree, so it offers
 * exactly the commands and options {@code mlp} takes. After an option that takes a value, and for a command's own
 * arguments, it offers file names.
 */
public final class Completion implements Command {

    /** The command line of {@code mlp completion}. */
    @Parameters(commandDescription = "Print a completion script for bash or zsh: eval \"$(mlp completion bash)\"")
    public static final class Options extends CommonOptions {
        @com.beust.jcommander.Parameter(description = "bash|zsh", validateWith = Validators.NotAnOption.class)
        public List<String> shell = new ArrayList<>();
    }

    private final Options options;

    @Inject
    Completion(Options options) {
        this.options = options;
    }

    @Override
    public int run() {
        if (options.shell.size() != 1 || !List.of("bash", "zsh").contains(options.shell.get(0))) {
            throw new UsageException("mlp completion needs one shell: bash or zsh");
        }
        JCommander jc = JCommander.newBuilder().programName("mlp").addObject(new GlobalOptions()).build();
        CommandTree.commands().attach(jc);
        StringBuilder commands = new StringBuilder();
        StringBuilder words = new StringBuilder();
        walk(jc, "", commands, words);
        String zsh = options.shell.get(0).equals("zsh") ? "autoload -U +X bashcompinit && bashcompinit\n" : "";
        System.out.print(zsh + """
                # mlp completion, made by 'mlp completion'. Load it with: eval "$(mlp completion bash)"
                _mlp() {
                  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path="" w i words
                  for ((i = 1; i < COMP_CWORD; i++)); do
                    w=${COMP_WORDS[i]}
                    case "$path|$w" in
                %s      *) ;;
                    esac
                  done
                  case " %s " in
                    *" $prev "*) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                  esac
                  case "$path" in
                %s  esac
                  COMPREPLY=($(compgen -W "$words" -- "$cur"))
                  [[ $cur == -* ]] || COMPREPLY+=($(compgen -f -- "$cur"))
                }
                complete -o filenames -F _mlp mlp
                """.formatted(commands, String.join(" ", valued(jc, new TreeSet<>())), words));
        return 0;
    }

    /** One case per command path: the moves into its subcommands, and the words it takes. */
    private static void walk(JCommander jc, String path, StringBuilder commands, StringBuilder words) {
        TreeSet<String> offered = new TreeSet<>();
        for (Map.Entry<String, JCommander> sub : jc.getCommands().entrySet()) {
            offered.add(sub.getKey());
            String next = path.isEmpty() ? sub.getKey() : path + " " + sub.getKey();
            commands.append("      \"").append(path).append('|').append(sub.getKey()).append("\") path=\"").append(next)
                    .append("\" ;;\n");
        }
        for (ParameterDescription p : jc.getParameters()) {
            for (String name : p.getNames().split(",")) {
                offered.add(name.trim());
            }
        }
        words.append("    \"").append(path).append("\") words=\"").append(String.join(" ", offered)).append("\" ;;\n");
        for (Map.Entry<String, JCommander> sub : jc.getCommands().entrySet()) {
            walk(sub.getValue(), path.isEmpty() ? sub.getKey() : path + " " + sub.getKey(), commands, words);
        }
    }

    /** The options, anywhere in the tree, that take a value (after which a file name is offered). */
    private static TreeSet<String> valued(JCommander jc, TreeSet<String> names) {
        for (ParameterDescription p : jc.getParameters()) {
            Class<?> type = p.getParameterized().getType();
            if (type != boolean.class && type != Boolean.class && !p.isHelp()) {
                for (String name : p.getNames().split(",")) {
                    names.add(name.trim());
                }
            }
        }
        jc.getCommands().values().forEach(sub -> valued(sub, names));
        return names;
    }
}
