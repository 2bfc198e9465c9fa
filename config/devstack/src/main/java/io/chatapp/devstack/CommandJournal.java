package io.chatapp.devstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The write commands the embedded server applied since its store's last commit, in the order it
 * applied them, in a file beside the store ({@link JournaledH2Backend}). A command is answered once
 * it is here, and a server that starts again after a crash applies again those of the generation
 * its store was last committed with. Each commit starts a new generation and empties the file.
 *
 * <p>A record: the length of its payload, the generation, a CRC-32 of the payload, then the
 * payload, a BSON document of the database's name, the command's and the command itself. A record
 * that a crash cut short, or any bytes after one, is not applied: its command was not answered.
 */
final class CommandJournal implements AutoCloseable {

  /** A command read back from the journal. */
  record Command(String database, String name, Document query) {}

  private static final int HEADER_BYTES = Integer.BYTES + Long.BYTES + Integer.BYTES;

  private final FileChannel file;

  private CommandJournal(FileChannel file) {
    this.file = file;
  }

  static CommandJournal open(Path path) {
    try {
      return new CommandJournal(
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + path, e);
    }
  }

  /**
   * The payload of a record of this command, or null when a value of the command has no BSON type
   * (then the command cannot be journaled, and its caller commits the store instead).
   */
  static byte[] encode(String database, String name, Document query) {
    Document record = new Document("db", database).append("name", name).append("query", query);
    ByteBuf buffer = Unpooled.buffer(1024);
    try {
      DocumentBson.write(record, buffer);
      byte[] payload = new byte[buffer.readableBytes()];
      buffer.readBytes(payload);
      return payload;
    } catch (RuntimeException noBsonType) {
      return null;
    }
  }

  /** Appends a record of this generation; the caller keeps appends and commits apart. */
  void append(byte[] payload, long generation) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    record.putInt(payload.length).putLong(generation).putInt((int) crc.getValue()).put(payload);
    record.flip();
    try {
      while (record.hasRemaining()) {
        file.write(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the journal", e);
    }
  }

  /** The commands of this generation, in the order they were appended, up to the first torn one. */
  List<Command> commandsOf(long generation) {
    List<Command> commands = new ArrayList<>();
    try {
      ByteBuffer all = ByteBuffer.allocate((int) file.size());
      while (all.hasRemaining() && file.read(all, all.position()) > 0) {
        // read to the end
      }
      all.flip();
      while (all.remaining() >= HEADER_BYTES) {
        int length = all.getInt();
        long written = all.getLong();
        int expected = all.getInt();
        if (length < 0 || length > all.remaining()) {
          break;
        }
        byte[] payload = new byte[length];
        all.get(payload);
        CRC32 crc = new CRC32();
        crc.update(payload);
        if ((int) crc.getValue() != expected) {
          break;
        }
        if (written == generation) {
          Document record = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(payload));
          commands.add(
              new Command(
                  (String) record.get("db"),
                  (String) record.get("name"),
                  (Document) record.get("query")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal", e);
    }
    return commands;
  }

  /** Empties the journal: everything in it is in the store now. */
  void restart() {
    try {
      file.truncate(0);
      file.position(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the journal", e);
    }
  }

  boolean isEmpty() {
    try {
      return file.size() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal's size", e);
    }
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal", e);
    }
  }
}
