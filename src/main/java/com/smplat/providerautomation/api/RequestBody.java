package com.smplat.providerautomation.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body {@link JsonContentFilter} has already read (and checked): the routes read these bytes, as
 * UTF-8 JSON whatever Content-Type the client gave (JSON or text/plain). The routes see that type: the REST
 * binding keeps a Content-Type it finds, so a client's {@code text/plain} would otherwise label the JSON answer.
 */
final class RequestBody extends HttpServletRequestWrapper {
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String AS_READ = "application/json; charset=UTF-8";
    private final byte[] body;

    RequestBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** Whether the bytes are well-formed UTF-8 (no stray continuation bytes, overlong forms or encoded surrogates). */
    static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (java.io.IOException e) {
                    listener.onError(e);
                }
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public String getContentType() {
        return AS_READ;
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public String getHeader(String name) {
        return CONTENT_TYPE.equalsIgnoreCase(name) ? AS_READ : super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
        return CONTENT_TYPE.equalsIgnoreCase(name) ? java.util.Collections.enumeration(java.util.List.of(AS_READ)) : super.getHeaders(name);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
