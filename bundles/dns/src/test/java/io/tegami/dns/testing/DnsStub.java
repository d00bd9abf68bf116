package io.tegami.dns.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server on a loopback port, UDP and TCP, for tests: records are added
 * with the helpers below; a name with no record at all is NXDOMAIN, a name with records of other
 * types answers NOERROR with an empty answer (NODATA). Names can be made to fail with SERVFAIL or
 * to get no answer at all (a timeout), and UDP answers can be forced truncated so that clients
 * retry over TCP. Built with dnsjava's {@link Message} classes; answers follow CNAMEs in the zone.
 */
public final class DnsStub implements AutoCloseable {

    private static final long TTL = 300;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile boolean truncateUdp;
    private volatile boolean closed;

    private DnsStub(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    /** Starts a server on 127.0.0.1:{@code port}, UDP and TCP, for a port chosen in advance. */
    public static DnsStub start(int port) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port));
        try {
            ServerSocket tcp = new ServerSocket();
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(loopback, port), 50);
            DnsStub stub = new DnsStub(udp, tcp);
            stub.serve();
            return stub;
        } catch (IOException e) {
            udp.close();
            throw e;
        }
    }

    /** Starts a server on 127.0.0.1, on one port number for both UDP and TCP. */
    public static DnsStub start() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcp = new ServerSocket();
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()), 50);
                DnsStub stub = new DnsStub(udp, tcp);
                stub.serve();
                return stub;
            } catch (IOException e) {
                udp.close(); // the TCP port of that number is taken: try another
            }
        }
        throw new IOException("no free port for both UDP and TCP");
    }

    /** The port for {@code dns_servers = 127.0.0.1:PORT}. */
    public int port() {
        return udp.getLocalPort();
    }

    /** {@code 127.0.0.1:PORT}, the value for the {@code dns_servers} parameter. */
    public String server() {
        return "127.0.0.1:" + port();
    }

    public DnsStub mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(host.isEmpty() ? "." : host)));
    }

    public DnsStub a(String host, String address) {
        try {
            return add(new ARecord(name(host), DClass.IN, TTL, InetAddress.getByName(address)));
        } catch (IOException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    public DnsStub aaaa(String host, String address) {
        try {
            return add(new AAAARecord(name(host), DClass.IN, TTL, InetAddress.getByName(address)));
        } catch (IOException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    public DnsStub cname(String alias, String target) {
        return add(new CNAMERecord(name(alias), DClass.IN, TTL, name(target)));
    }

    public DnsStub txt(String name, String... strings) {
        return add(new TXTRecord(name(name), DClass.IN, TTL, List.of(strings)));
    }

    public DnsStub ptr(String reverseName, String target) {
        return add(new PTRRecord(name(reverseName), DClass.IN, TTL, name(target)));
    }

    /** Any record, for types the helpers above do not cover. */
    public DnsStub add(Record record) {
        zone.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    /** Removes every record of a name: it becomes NXDOMAIN. */
    public DnsStub remove(String name) {
        zone.remove(name(name));
        return this;
    }

    /** Questions for {@code name} are answered with SERVFAIL. */
    public DnsStub servfail(String name) {
        servfail.add(name(name));
        return this;
    }

    /** Questions for {@code name} get no answer at all. */
    public DnsStub silent(String name) {
        silent.add(name(name));
        return this;
    }

    /** Every UDP answer comes back empty with TC set, so clients must ask again over TCP. */
    public DnsStub truncateUdp(boolean truncate) {
        this.truncateUdp = truncate;
        return this;
    }

    /** The questions received, as {@code name/TYPE} without the trailing dot, in order. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** How many questions came over TCP. */
    public int tcpQueries() {
        return tcpQueries.get();
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private void serve() {
        Thread u = new Thread(this::serveUdp, "dns-stub-udp-" + port());
        Thread t = new Thread(this::serveTcp, "dns-stub-tcp-" + port());
        u.setDaemon(true);
        t.setDaemon(true);
        u.start();
        t.start();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] reply = answer(query, true);
                if (reply != null) {
                    udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                // a malformed query: ignore it, as servers do
            }
        }
    }

    private void serveTcp() {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                Thread conn = new Thread(() -> serveTcpConnection(s), "dns-stub-tcp-conn");
                conn.setDaemon(true);
                conn.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serveTcpConnection(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream());
                DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (true) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                tcpQueries.incrementAndGet();
                byte[] reply = answer(query, false);
                if (reply == null) {
                    continue;
                }
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    /** The wire answer to a wire query, or null to stay silent. */
    private byte[] answer(byte[] wire, boolean overUdp) throws IOException {
        Message query = new Message(wire);
        Record question = query.getQuestion();
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
            reply.getHeader().setFlag(Flags.RA);
        }
        if (question == null) {
            reply.getHeader().setRcode(Rcode.FORMERR);
            return reply.toWire();
        }
        reply.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        queries.add(name.toString(true) + "/" + Type.string(question.getType()));
        if (silent.contains(name)) {
            return null;
        }
        if (servfail.contains(name)) {
            reply.getHeader().setRcode(Rcode.SERVFAIL);
            return reply.toWire();
        }
        if (overUdp && truncateUdp) {
            reply.getHeader().setFlag(Flags.TC);
            return reply.toWire();
        }
        List<Record> answers = new ArrayList<>();
        boolean exists = resolve(name, question.getType(), answers, 0);
        answers.forEach(r -> reply.addRecord(r, Section.ANSWER));
        reply.getHeader().setRcode(exists ? Rcode.NOERROR : Rcode.NXDOMAIN);
        return reply.toWire();
    }

    /** Adds the answers for name/type (following CNAMEs); false when the final name does not exist. */
    private boolean resolve(Name name, int type, List<Record> answers, int depth) {
        List<Record> records = zone.get(name);
        if (records == null) {
            return false;
        }
        int before = answers.size();
        for (Record r : records) {
            if (r.getType() == type) {
                answers.add(r);
            }
        }
        if (answers.size() == before && type != Type.CNAME && depth < 8) {
            for (Record r : records) {
                if (r instanceof CNAMERecord c) {
                    answers.add(c);
                    return resolve(c.getTarget(), type, answers, depth + 1);
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
