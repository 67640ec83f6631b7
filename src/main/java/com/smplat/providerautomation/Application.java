package com.smplat.providerautomation;

import com.smplat.providerautomation.cli.Cli;
import com.smplat.providerautomation.cli.ExitCodes;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        int exitCode = Cli.run(args, Application.class);
        if (exitCode != ExitCodes.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
