package com.smplat.providerautomation.exports;

import java.io.PrintStream;
import org.springframework.stereotype.Component;

/**
 * The {@code stdout} sink: the process's standard output (camel-stream is not a dependency for one write). Logs go to
 * stderr (logback-spring.xml), so the stream holds the NDJSON lines and nothing else.
 */
@Component("followUpStdoutSink")
public class FollowUpStdoutSink {

    public void write(byte[] lines) {
        System.out.write(lines, 0, lines.length);
    }

    /** The run's end: everything written reached the stream, or the run fails as a sink failure. */
    public void flush() {
        PrintStream stdout = System.out;
        stdout.flush();
        if (stdout.checkError()) {
            throw new ExportFailure(ExportFailure.SINK, "writing to stdout failed");
        }
    }
}
