package dk.platform.payroll.run;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Large texts (a run's lines, its vouchers and specs) as gzip-compressed chunks of 1 MB in
 * MongoDB, each chunk found by its {@code _id} ({@code name#n}), so a 2 000 000-line run is
 * written and read as a stream and never held in memory. The file's head document is written
 * last: a file without a head (a crash while writing) does not exist.
 */
@Component
public class FileStore {

    static final String COLLECTION = "payroll_files";
    private static final int CHUNK = 1 << 20;

    private final MongoTemplate mongo;

    public FileStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public OutputStream create(String name) throws IOException {
        return new GZIPOutputStream(new ChunkOutput(name), 64 * 1024);
    }

    public boolean exists(String name) {
        return files().find(Filters.eq("_id", name)).first() != null;
    }

    public InputStream open(String name) throws IOException {
        Document head = files().find(Filters.eq("_id", name)).first();
        if (head == null) {
            throw new IllegalStateException("no file " + name);
        }
        int chunks = head.getInteger("chunks");
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next;

            @Override
            public boolean hasMoreElements() {
                return next < chunks;
            }

            @Override
            public InputStream nextElement() {
                Document chunk = files().find(Filters.eq("_id", name + "#" + next++)).first();
                if (chunk == null) {
                    throw new IllegalStateException("file " + name + " lacks chunk " + (next - 1));
                }
                return new ByteArrayInputStream(chunk.get("data", Binary.class).getData());
            }
        };
        return new GZIPInputStream(new SequenceInputStream(parts), 64 * 1024);
    }

    /** Deletes a file and its chunks (which are numbered without gaps). */
    public void delete(String name) {
        files().deleteOne(Filters.eq("_id", name));
        int chunk = 0;
        while (files().deleteOne(Filters.eq("_id", name + "#" + chunk)).getDeletedCount() > 0) {
            chunk++;
        }
    }

    private MongoCollection<Document> files() {
        return mongo.getCollection(COLLECTION);
    }

    private final class ChunkOutput extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);
        private int chunks;
        private long bytes;
        private boolean closed;

        ChunkOutput(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
            if (buffer.size() >= CHUNK) {
                flushChunk();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, CHUNK - buffer.size());
                buffer.write(b, off, n);
                off += n;
                len -= n;
                if (buffer.size() >= CHUNK) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() {
            if (buffer.size() == 0) {
                return;
            }
            files().replaceOne(Filters.eq("_id", name + "#" + chunks),
                    new Document("_id", name + "#" + chunks).append("data", new Binary(buffer.toByteArray())),
                    new ReplaceOptions().upsert(true));
            bytes += buffer.size();
            chunks++;
            buffer.reset();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            flushChunk();
            files().replaceOne(Filters.eq("_id", name),
                    new Document("_id", name).append("chunks", chunks).append("bytes", bytes),
                    new ReplaceOptions().upsert(true));
        }
    }
}
