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
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The write commands the embedded server applied since its store's last commit, in the order it
 * applied them, in files beside the store ({@link JournaledH2Backend}). A command is answered once
 * it is here, and a server that starts again after a crash applies again those of the generations
 * its store was not committed with.
 *
 * <p>Each commit starts a generation; its records go to one of two files, by the generation's
 * parity, so that the other file, holding the generation before, can be emptied once the commit is
 * written, while commands go on being journaled.
 *
 * <p>A record: the length of its payload, the generation, a CRC-32 of the payload, then the
 * payload, a BSON document of the database's name, the command's and the command itself. A record
 * that a crash cut short, or any bytes after one, is not applied: its command was not answered.
 */
final class CommandJournal implements AutoCloseable {

  /** A command read back from the journal. */
  record Command(long generation, String database, String name, Document query) {}

  private static final int HEADER_BYTES = Integer.BYTES + Long.BYTES + Integer.BYTES;

  private final FileChannel[] files;

  private CommandJournal(FileChannel[] files) {
    this.files = files;
  }

  /** The journal in {@code base.0} and {@code base.1}. */
  static CommandJournal open(Path base) {
    FileChannel[] files = new FileChannel[2];
    for (int i = 0; i < files.length; i++) {
      Path path = base.resolveSibling(base.getFileName() + "." + i);
      try {
        files[i] =
            FileChannel.open(
                path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        files[i].position(files[i].size());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the journal " + path, e);
      }
    }
    return new CommandJournal(files);
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

  /** Appends a record of this generation; the caller appends one at a time. */
  void append(byte[] payload, long generation) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    record.putInt(payload.length).putLong(generation).putInt((int) crc.getValue()).put(payload);
    record.flip();
    try {
      while (record.hasRemaining()) {
        fileOf(generation).write(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the journal", e);
    }
  }

  /**
   * The commands of this generation and of later ones, in the order they were appended, each file
   * up to its first torn record.
   */
  List<Command> commandsFrom(long generation) {
    List<Command> commands = new ArrayList<>();
    for (FileChannel file : files) {
      commands.addAll(read(file, generation));
    }
    commands.sort(Comparator.comparingLong(Command::generation)); // stable: a generation, a file
    return commands;
  }

  private static List<Command> read(FileChannel file, long from) {
    List<Command> commands = new ArrayList<>();
    try {
      ByteBuffer all = ByteBuffer.allocate((int) file.size());
      while (all.hasRemaining() && file.read(all, all.position()) > 0) {
        // read to the end
      }
      all.flip();
      while (all.remaining() >= HEADER_BYTES) {
        int length = all.getInt();
        long generation = all.getLong();
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
        if (generation >= from) {
          Document record = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(payload));
          commands.add(
              new Command(
                  generation,
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

  /** Whether records of this generation were appended. */
  boolean holds(long generation) {
    try {
      return fileOf(generation).size() > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal's size", e);
    }
  }

  /**
   * Empties the file of this generation: the store holds its writes now. No record of a later
   * generation is in that file: the next generation that writes to it starts after this.
   */
  void forget(long generation) {
    FileChannel file = fileOf(generation);
    try {
      file.truncate(0);
      file.position(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the journal", e);
    }
  }

  private FileChannel fileOf(long generation) {
    return files[(int) (generation & 1)];
  }

  @Override
  public void close() {
    try {
      for (FileChannel file : files) {
        file.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal", e);
    }
  }
}
