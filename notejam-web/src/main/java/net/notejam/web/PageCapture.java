package net.notejam.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A response passed on as it is written, and copied on the way for {@link PageCache}: its body, its
 * content type and the headers set meanwhile. The copy is kept only for a plain answer (200,
 * text/html, no cookie, no redirect or error) of at most {@code maxBytes}; anything else, and the
 * copy is dropped while the answer goes on unchanged.
 */
final class PageCapture extends HttpServletResponseWrapper {

  /** A copied answer, to write again. */
  record Answer(String contentType, List<String[]> headers, byte[] body) {

    int weight() {
      return body.length + 64 * headers.size();
    }

    void writeTo(HttpServletResponse res) throws IOException {
      res.setContentType(contentType);
      for (String[] header : headers) {
        res.addHeader(header[0], header[1]);
      }
      res.setContentLength(body.length);
      res.getOutputStream().write(body);
    }
  }

  private final long maxBytes;
  private final List<String[]> headers = new ArrayList<>();
  private boolean plain = true;
  private ByteArrayOutputStream bytes;
  private CharArrayWriter chars;
  private ServletOutputStream stream;
  private PrintWriter writer;

  PageCapture(HttpServletResponse response, long maxBytes) {
    super(response);
    this.maxBytes = maxBytes;
  }

  /** The copy, when the answer was a plain page that fitted. */
  Optional<Answer> finish() {
    if (writer != null) {
      writer.flush();
    }
    String type = getContentType();
    if (!plain
        || getStatus() != SC_OK
        || type == null
        || !type.startsWith("text/html")
        || (bytes == null) == (chars == null)) {
      return Optional.empty();
    }
    byte[] body =
        bytes != null
            ? bytes.toByteArray()
            : chars.toString().getBytes(Charset.forName(getCharacterEncoding()));
    return body.length > maxBytes
        ? Optional.empty()
        : Optional.of(new Answer(type, List.copyOf(headers), body));
  }

  private void tooBig(long size) {
    if (size > maxBytes) {
      plain = false;
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      ServletOutputStream out = super.getOutputStream();
      bytes = new ByteArrayOutputStream();
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
              out.write(b);
              copy(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
              copy(b, off, len);
            }

            @Override
            public void flush() throws IOException {
              out.flush();
            }

            @Override
            public void close() throws IOException {
              out.close();
            }

            @Override
            public boolean isReady() {
              return out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              out.setWriteListener(listener);
            }
          };
    }
    return stream;
  }

  private void copy(byte[] b, int off, int len) {
    if (plain) {
      bytes.write(b, off, len);
      tooBig(bytes.size());
    }
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      PrintWriter out = super.getWriter();
      chars = new CharArrayWriter();
      writer =
          new PrintWriter(
              new Writer() {
                @Override
                public void write(char[] c, int off, int len) {
                  out.write(c, off, len);
                  if (plain) {
                    chars.write(c, off, len);
                    tooBig(chars.size());
                  }
                }

                @Override
                public void flush() {
                  out.flush();
                }

                @Override
                public void close() {
                  out.close();
                }
              });
    }
    return writer;
  }

  @Override
  public void setHeader(String name, String value) {
    super.setHeader(name, value);
    note(name, value, true);
  }

  @Override
  public void addHeader(String name, String value) {
    super.addHeader(name, value);
    note(name, value, false);
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, Integer.toString(value));
  }

  @Override
  public void setDateHeader(String name, long date) {
    super.setDateHeader(name, date);
    plain = false; // a date of its own: made for this moment
  }

  @Override
  public void addDateHeader(String name, long date) {
    super.addDateHeader(name, date);
    plain = false;
  }

  private void note(String name, String value, boolean replacing) {
    if ("Set-Cookie".equalsIgnoreCase(name)) {
      plain = false;
    } else if ("Content-Length".equalsIgnoreCase(name) || "Content-Type".equalsIgnoreCase(name)) {
      return; // written again from the body and the content type
    }
    if (replacing) {
      headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    }
    headers.add(new String[] {name, value});
  }

  @Override
  public void addCookie(Cookie cookie) {
    super.addCookie(cookie);
    plain = false;
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    plain = false;
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    plain = false;
    super.sendError(sc);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    plain = false;
    super.sendRedirect(location);
  }
}
