package org.askonce;

import org.askonce.evaluation.EvaluationCommand;
import org.askonce.wechat.WechatMenuCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * AskOnce (最多问一次). Without arguments it serves the web chat and the API; {@code eval} runs the
 * evaluation over training/eval and prints the report; {@code wechat-menu} publishes the official account's menu.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AskOnceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            System.exit(EvaluationCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("wechat-menu")) {
            System.exit(WechatMenuCommand.run(args));
        }
        SpringApplication.run(AskOnceApplication.class, args);
    }
}
