package com.smplat.providerautomation.exports;

import java.io.PrintStream;
import org.springframework.stereotype.Component;

/** The {@code stdout} sink: the process's standard output (camel-stream is not a dependency for one write). */
@Component("followUpStdoutSink")
public class FollowUpStdoutSink {
    private volatile PrintStream stdout = System.out;

    void redirect(PrintStream out) {
        this.stdout = out;
    }

    public void write(byte[] lines) {
        stdout.write(lines, 0, lines.length);
    }

    /** The run's end: everything written reached the stream, or the run fails as a sink failure. */
    public void flush() {
        stdout.flush();
        if (stdout.checkError()) {
            throw new ExportFailure(ExportFailure.SINK, "writing to stdout failed");
        }
    }
}
