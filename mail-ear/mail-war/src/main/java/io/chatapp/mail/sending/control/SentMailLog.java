package io.chatapp.mail.sending.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The broker message ids of the most recent mails sent, so that a redelivery of a message whose
 * mail already went out (its acknowledgement was lost to a broker restart or a dropped connection)
 * is acknowledged without mailing twice. Bounded to the newest {@code capacity} ids and kept in an
 * append-only file as well, so that it also survives a redeploy or a restart of the service.
 */
@ApplicationScoped
public class SentMailLog {

  private static final Logger LOG = Logger.getLogger(SentMailLog.class.getName());
  private static final Pattern STORABLE = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private final LinkedHashSet<String> ids = new LinkedHashSet<>();
  private final Path file;
  private final int capacity;
  private BufferedWriter writer;
  private int linesInFile;

  /** For the CDI proxy only. */
  SentMailLog() {
    this.file = null;
    this.capacity = 0;
  }

  @Inject
  public SentMailLog(Config config) {
    this(
        config
            .getOptionalValue("mail.sent-ids.file", String.class)
            .map(Path::of)
            .orElse(Path.of(System.getProperty("java.io.tmpdir"), "chatapp-mail-sent-ids.log")),
        config.getOptionalValue("mail.sent-ids.capacity", Integer.class).orElse(10_000));
  }

  /** {@code file} may be null: then the ids are only kept in memory. */
  public SentMailLog(Path file, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.file = file;
    this.capacity = capacity;
    if (file != null) {
      load();
    }
  }

  /** Whether the mail of this message id was sent already; false for a missing id. */
  public synchronized boolean contains(String messageId) {
    return messageId != null && ids.contains(messageId);
  }

  /**
   * Remembers a sent mail. Never throws: the mail is out, and failing now would send it again. An
   * id that is missing or not plain ASCII (the contract says UUID) is not remembered.
   */
  public synchronized void record(String messageId) {
    if (messageId == null || !STORABLE.matcher(messageId).matches()) {
      LOG.log(Level.FINE, "A message without a usable id cannot be deduplicated");
      return;
    }
    ids.remove(messageId);
    ids.add(messageId);
    trimToCapacity();
    if (file == null) {
      return;
    }
    try {
      if (writer == null) {
        writer = openForAppend();
      }
      writer.write(messageId);
      writer.newLine();
      writer.flush();
      linesInFile++;
      if (linesInFile > 2 * capacity) {
        compact();
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.WARNING, "Cannot write the sent-mail log {0}: {1}", new Object[] {file, e});
      closeWriter();
    }
  }

  public synchronized int size() {
    return ids.size();
  }

  @PreDestroy
  public synchronized void close() {
    closeWriter();
  }

  private void load() {
    try {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        for (String line : lines) {
          String id = line.strip();
          if (STORABLE.matcher(id).matches()) {
            ids.remove(id);
            ids.add(id);
          }
        }
        linesInFile = lines.size();
        trimToCapacity();
        if (linesInFile > 2 * capacity) {
          compact();
        }
      }
      LOG.log(Level.INFO, "Sent-mail log {0}: {1} recent ids", new Object[] {file, ids.size()});
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.WARNING, "Cannot read the sent-mail log {0}: {1}", new Object[] {file, e});
    }
  }

  private void trimToCapacity() {
    Iterator<String> oldest = ids.iterator();
    while (ids.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  /** Rewrites the file with the ids still remembered, atomically. */
  private void compact() throws IOException {
    closeWriter();
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    Files.write(temporary, new ArrayList<>(ids), StandardCharsets.US_ASCII);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    linesInFile = ids.size();
  }

  private BufferedWriter openForAppend() throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return Files.newBufferedWriter(
        file,
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }

  private void closeWriter() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing the sent-mail log", e);
      }
      writer = null;
    }
  }
}
