package org.askonce;

import org.askonce.evaluation.EvaluationCommand;
import org.askonce.wechat.WechatMenuCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * AskOnce (最多问一次). Without arguments it serves the web chat and the API; {@code eval} runs the
 * evaluation over training/eval and prints the report; {@code wechat-menu} publishes the official account's menu; {@code embed} writes the vectors shipped with a knowledge base;
 * {@code import} and {@code export} move the knowledge base in and out (see {@link #transfer}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AskOnceApplication {

    private static final String TRANSFER_USAGE = "Usage: import FILE|FOLDER | export FOLDER  [--askonce.*=… --spring.datasource.*=…]";

    /**
     * {@code import FILE|FOLDER} (a knowledge-base folder or one item's YAML file) and {@code export
     * FOLDER}, against the configured database, without the web server.
     */
    static int transfer(String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            System.err.println(TRANSFER_USAGE);
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
        try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(AskOnceApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE).logStartupInfo(false).run(rest)) {
            var transfer = context.getBean(org.askonce.knowledge.transfer.KnowledgeTransfer.class);
            java.nio.file.Path path = java.nio.file.Path.of(args[1]);
            if (args[0].equals("import")) {
                int n = transfer.importFrom(path, "command-line", new org.askonce.knowledge.ImportProgress() {
                    private int shown = -1;

                    @Override
                    public void stored(int done, int total) {
                        int tenth = total == 0 ? 10 : done * 10 / total;
                        if (tenth != shown && total >= 200) { // a progress line per tenth, for large files only
                            shown = tenth;
                            System.err.println("已写入 " + done + " / " + total + " 个事项");
                        }
                    }

                    @Override
                    public void notice(String message) {
                        System.err.println("注意：" + message);
                    }
                });
                System.out.println("Imported " + n + " item(s) from " + path.toAbsolutePath() + " and published them.");
            } else {
                int n = transfer.exportTo(path);
                System.out.println("Exported " + n + " item(s) to " + path.toAbsolutePath());
            }
            return 0;
        } catch (org.askonce.knowledge.KnowledgeBaseException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            System.exit(EvaluationCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("embed")) {
            System.exit(org.askonce.retrieval.EmbedCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("wechat-menu")) {
            System.exit(WechatMenuCommand.run(args));
        }
        if (args.length > 0 && (args[0].equals("import") || args[0].equals("export"))) {
            System.exit(transfer(args));
        }
        SpringApplication.run(AskOnceApplication.class, args);
    }
}
