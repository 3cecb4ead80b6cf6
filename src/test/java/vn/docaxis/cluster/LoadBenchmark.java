package vn.docaxis.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.docaxis.support.AxisClient;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.TestFiles;
import vn.docaxis.support.TestPdfs;

/**
 * The whole path under load, over HTTP against the packaged service (prod profile, its own
 * PostgreSQL with fsync on, real two-signature packages under the production policy): senders
 * submit, the axis verifies, stores and routes each document to 3 recipients, whose systems list,
 * fetch and acknowledge it and answer status 01, which the senders' systems fetch in turn; each
 * run lasts until all of that is done for every accepted document, so its figures are those of the
 * whole path, CPU included. Then 2 MB packages, then circulars to 94 recipients. Last, the floor: as many durable PostgreSQL
 * inserts of the same bytes, one transaction each, by as many threads. For the 1-page run it also
 * prints the CPU per document of the service, PostgreSQL and itself, and the service's own timer
 * per call, so that a missed target comes with what limits it.
 *
 * <p>Run: {@code ./mvnw -Pbench-load} (builds the jar first). Tunable with {@code -Dbench.senders},
 * {@code -Dbench.recipients}, {@code -Dbench.seconds}, {@code -Dbench.warmup}; {@code -Dbench.profile=/tmp/load.jfr} records the
 * service's measured 1-page run with Java Flight Recorder; {@code -Dbench.jvmArgs="..."} adds options to the service's JVM
 * (diagnostics such as {@code -XX:+PrintCompilation}, whose output goes to the service's log);
 * {@code -Dbench.statements}, {@code -Dbench.connections} and {@code -Dbench.recipients.wait} are described at their fields.
 */
public final class LoadBenchmark {

    static final int SENDERS = Integer.getInteger("bench.senders", 16);
    static final int RECIPIENTS = Integer.getInteger("bench.recipients", 12);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int WARMUP = Integer.getInteger("bench.warmup", 120);
    static final int LARGE_BYTES = 2 * 1024 * 1024;
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);
    static final Duration STATS_FLUSH = Duration.ofSeconds(11);
    /** {@code -Dbench.statements}: PostgreSQL with pg_stat_statements, its busiest statements printed per document. */
    static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");
    /**
     * {@code -Dbench.connections}: {@code http1} (the default: each system its own connections, as
     * separate agencies' systems come), {@code http2} or {@code shared} (the runs before 2026-11-24).
     */
    static final Connections CONNECTIONS = Connections.of(System.getProperty("bench.connections", "http1"));
    /**
     * {@code -Dbench.recipients.wait}: the recipients' systems start only when the senders stop, as
     * when a burst arrives while they are offline — what the axis accepts with nothing else to do
     * (the default: they work while the senders submit).
     */
    static final boolean RECIPIENTS_WAIT = Boolean.getBoolean("bench.recipients.wait");
    static final Map<String, AxisClient> CLIENTS = new ConcurrentHashMap<>();
    /** The key of the work gate's waits among the service's timers. */
    static final String GATE = "work gate";
    /** The key, among the service's CPU by thread, of the threads that ended during the run. */
    static final String ENDED_THREADS = "threads that ended during the run";

    private LoadBenchmark() {
    }

    /** What one timed run produced. */
    record Run(int accepted, double window, double seconds, List<Long> latenciesMicros, int delivered,
               int statusesRelayed, double cpuSeconds, long peakRssKb, double postgresCpuSeconds,
               double generatorCpuSeconds, Map<String, Long> threadTicks, long connectionsOpened) {
        /** Documents accepted per second while the senders submitted. */
        double rate() {
            return accepted / window;
        }

        /** Documents per second through the whole path: accepted, delivered thrice, acknowledged, 01s relayed. */
        double endToEnd() {
            return accepted / seconds;
        }

        long percentile(double p) {
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("docaxis-load-bench");
        String[] jvmArgs = System.getProperty("bench.jvmArgs", "").isBlank() ? new String[0]
                : System.getProperty("bench.jvmArgs").trim().split("\\s+");
        try (AxisCluster cluster = new AxisCluster(dir, 1, jvmArgs)) {
            long pid = cluster.instances[0].pid();
            if (STATEMENTS) {
                enableStatementStatistics(cluster);
            }
            List<AxisCluster.Party> senders = new ArrayList<>();
            for (int i = 1; i <= SENDERS; i++) {
                senders.add(cluster.party(String.format("000.00.%02d.L01", i), "Cơ quan gửi " + i));
            }
            List<AxisCluster.Party> recipients = new ArrayList<>();
            for (int i = 1; i <= RECIPIENTS; i++) {
                recipients.add(cluster.party(String.format("000.00.%02d.L02", i), "Cơ quan nhận " + i));
            }
            List<String> all94 = new ArrayList<>();
            for (int i = 1; i <= 94; i++) {
                String code = String.format("000.00.%02d.L03", i);
                AxisCluster.check(cluster.admin().postJson("/api/v1/admin/agencies",
                        "{\"code\":\"" + code + "\",\"name\":\"Bộ, tỉnh " + i + "\"}"));
                all94.add(code);
            }
            byte[] onePage = AxisCluster.document(senders.get(0), "1", recipients.get(0).agency(),
                    recipients.get(1).agency(), recipients.get(2).agency());

            // Warm up the JIT and the caches. After 10-45 s the C2 compiler still took 28-30 % of the
            // service's CPU in the measured run; after 120 s, 5-10 %: a long-running service's figures.
            run(cluster, pid, senders, recipients, WARMUP, false);
            String profile = System.getProperty("bench.profile");
            if (profile != null) { // -Dbench.profile=/tmp/load.jfr: a flight recording of the measured 1-page run
                new ProcessBuilder("jcmd", Long.toString(pid), "JFR.start", "name=bench", "settings=profile",
                        "filename=" + profile).inheritIO().start().waitFor();
            }
            if (STATEMENTS) {
                sql(cluster, "select pg_stat_statements_reset()");
            }
            Map<String, double[]> callsBefore = serverTimes(cluster);
            Map<String, Long> databaseBefore = databaseWork(cluster);
            Run small = run(cluster, pid, senders, recipients, SECONDS, false);
            if (profile != null) {
                new ProcessBuilder("jcmd", Long.toString(pid), "JFR.stop", "name=bench").inheritIO().start().waitFor();
            }
            Map<String, double[]> calls = since(callsBefore, serverTimes(cluster));
            Thread.sleep(STATS_FLUSH.toMillis()); // idle backends report their counts within 10 s
            Map<String, Long> databaseAfter = databaseWork(cluster);
            List<String> statements = STATEMENTS ? busiestStatements(cluster, small.accepted()) : List.of();
            List<AxisCluster.Party> largeSenders = new ArrayList<>();
            for (AxisCluster.Party s : senders.subList(0, 4)) {
                largeSenders.add(new AxisCluster.Party(s.agency(), s.system(), s.secret(),
                        cluster.signed(s.agency(), TestPdfs.scan(LARGE_BYTES))));
            }
            Run large = run(cluster, pid, largeSenders, recipients, SECONDS, true);
            List<Long> circulars = circulars(cluster, senders.get(0), all94, 10);
            double floor = floor(cluster, onePage, small.accepted(), SENDERS);

            String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                    + Math.round(totalMemoryGb()) + " GB; service, PostgreSQL and load generator on the same machine";
            System.out.println();
            System.out.println("docaxis end-to-end load benchmark — " + machine);
            System.out.printf("service: packaged jar, prod profile, -Xmx256m; PostgreSQL 17 (fsync on, synchronous "
                    + "commit); production signature policy, two-signature PDFs; connections: %s; recipients %s%n", CONNECTIONS.description,
                    RECIPIENTS_WAIT ? "start when the senders stop (-Dbench.recipients.wait)" : "work while the senders submit");
            report("1-page documents", SENDERS, small);
            cpuPerDocument(small);
            serverTimeByCall(calls, small.accepted());
            databasePerDocument(databaseBefore, databaseAfter, small.accepted());
            statements.forEach(System.out::println);
            report("2 MB documents", largeSenders.size(), large);
            System.out.printf("circular to 94 recipients (one sender, %d in a row): median %d ms, max %d ms%n",
                    circulars.size(), median(circulars), Collections.max(circulars));
            System.out.printf("floor: %d durable inserts of the same %d-byte package (one transaction each, %d "
                    + "threads): %.0f/s; the service accepted %.0f/s = %.0f %% of the floor%n", small.accepted(),
                    onePage.length, SENDERS, floor, small.rate(), 100 * small.rate() / floor);
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    static void report(String what, int senders, Run r) {
        System.out.printf("%s, %d senders, %d recipients: %d accepted in %.0f s = %.1f packages/s; submission "
                        + "latency p50 %d ms, p95 %d ms, p99 %d ms%n", what, senders, RECIPIENTS, r.accepted(),
                r.window(), r.rate(), r.percentile(0.50), r.percentile(0.95), r.percentile(0.99));
        System.out.printf("  end to end: all delivered to their 3 recipients, acknowledged and their %d statuses 01 "
                        + "relayed after %.0f s = %.1f documents/s (%.1f deliveries/s); service CPU %.2f cores, peak "
                        + "RSS %d MB; %d TCP connections accepted on the machine meanwhile%n", r.statusesRelayed(),
                r.seconds(), r.endToEnd(), r.delivered() / r.seconds(), r.cpuSeconds() / r.seconds(),
                r.peakRssKb() / 1024, r.connectionsOpened());
    }

    /**
     * Senders submit for {@code seconds}; recipients fetch, acknowledge and answer 01; senders collect
     * the 01s. When the senders stop, the run goes on until every accepted document has been
     * acknowledged by its 3 recipients and its 3 statuses collected, so the figures, CPU included, are
     * those of the whole path, not of submissions with a backlog left behind.
     */
    static Run run(AxisCluster cluster, long pid, List<AxisCluster.Party> senders, List<AxisCluster.Party> recipients,
                   int seconds, boolean large) throws Exception {
        AtomicInteger serial = new AtomicInteger(large ? 5_000_000 : (int) (System.nanoTime() % 1_000_000) * 4);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger relayed = new AtomicInteger();
        CountDownLatch submitting = new CountDownLatch(senders.size());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long giveUp = end + DRAIN_LIMIT.toNanos();
        long cpuBefore = cpuTicks(pid);
        Map<String, ThreadTime> threadsBefore = threadTicks(pid);
        long postgresBefore = postgresTicks(cluster.database.dataDirectory());
        long generatorBefore = generatorCpuNanos();
        long opensBefore = tcpPassiveOpens();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(senders.size() + recipients.size());
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < senders.size(); s++) {
            AxisCluster.Party sender = senders.get(s);
            int offset = s;
            AxisClient client = client(cluster, sender);
            work.add(pool.submit(() -> {
                int n = 0;
                AtomicInteger mine = new AtomicInteger();
                try {
                    while (System.nanoTime() < end) {
                        String number = Integer.toString(serial.incrementAndGet());
                        byte[] edxml = AxisCluster.document(sender, number,
                                recipients.get((offset + n) % recipients.size()).agency(),
                                recipients.get((offset + n + 1) % recipients.size()).agency(),
                                recipients.get((offset + n + 2) % recipients.size()).agency());
                        long t = System.nanoTime();
                        AxisClient.Answer a = client.submit(edxml, null);
                        if (!a.ok()) {
                            throw new IllegalStateException("submission refused: " + a);
                        }
                        latencies.add((System.nanoTime() - t) / 1000);
                        accepted.incrementAndGet();
                        if (++n % 10 == 0) {
                            drain(client, "status", null, mine);
                        }
                    }
                } finally {
                    submitting.countDown();
                }
                while (mine.get() < 3 * n) { // every document's three statuses 01
                    if (drain(client, "status", null, mine) == 0) {
                        pause(giveUp, "statuses for " + sender.agency());
                    }
                }
                relayed.addAndGet(mine.get());
                return null;
            }));
        }
        for (AxisCluster.Party recipient : recipients) {
            AxisClient client = client(cluster, recipient);
            work.add(pool.submit(() -> {
                if (RECIPIENTS_WAIT) {
                    submitting.await();
                }
                while (submitting.getCount() > 0 || delivered.get() < 3 * accepted.get()) {
                    if (drain(client, "edoc", recipient, delivered) == 0) {
                        pause(giveUp, "deliveries");
                    }
                }
                return null;
            }));
        }
        submitting.await();
        long submitted = System.nanoTime();
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double window = (submitted - start) / 1e9;
        double elapsed = (System.nanoTime() - start) / 1e9;
        // read inside the process's window (process, threads ... threads, process): the threads' sum never exceeds it
        Map<String, ThreadTime> threadsAfter = threadTicks(pid);
        long cpuTicks = cpuTicks(pid) - cpuBefore;
        double cpu = cpuTicks / 100.0;
        Map<String, Long> threads = new TreeMap<>();
        threadsAfter.forEach((id, now) -> {
            ThreadTime before = threadsBefore.get(id);
            threads.merge(now.kind(), now.ticks() - (before == null ? 0 : before.ticks()), Long::sum);
        });
        // the process keeps the time of threads that ended (an idle pool retires its threads); theirs is the rest
        threads.put(ENDED_THREADS, cpuTicks - threads.values().stream().mapToLong(Long::longValue).sum());
        double postgres = (postgresTicks(cluster.database.dataDirectory()) - postgresBefore) / 100.0;
        double generator = (generatorCpuNanos() - generatorBefore) / 1e9;
        return new Run(accepted.get(), window, elapsed, latencies, delivered.get(), relayed.get(), cpu,
                peakRssKb(pid), postgres, generator, threads, tcpPassiveOpens() - opensBefore);
    }

    /** Waits a little for more work, unless the run has gone on too long. */
    private static void pause(long giveUp, String what) throws InterruptedException {
        if (System.nanoTime() > giveUp) {
            throw new IllegalStateException("the " + what + " did not all arrive within " + DRAIN_LIMIT);
        }
        Thread.sleep(20);
    }

    /**
     * One pass over an inbox of one kind: fetch and acknowledge each item; for a document, the
     * recipient answers status 01 (arrived) to its sender. Counts each item taken; returns how many.
     */
    static int drain(AxisClient client, String kind, AxisCluster.Party recipient, AtomicInteger taken)
            throws IOException, InterruptedException {
        JsonNode page = AxisCluster.check(client.get("/api/v1/inbox?kind=" + kind + "&limit=100")).json();
        int n = 0;
        for (JsonNode item : page.get("items")) {
            String delivery = item.get("deliveryId").asText();
            AxisCluster.check(client.get("/api/v1/inbox/" + delivery));
            AxisCluster.check(client.ackDone(delivery));
            taken.incrementAndGet();
            if (recipient != null) {
                byte[] status = Exchange.status(recipient.agency(), item.get("sender").asText(),
                        item.get("documentId").asText(), "01");
                AxisCluster.check(client.submit(status, null));
            }
            n++;
        }
        return n;
    }

    /** How the systems' calls reach the service. */
    enum Connections {
        /** Every system's calls over the tests' one HttpClient, multiplexed on one HTTP/2 connection. */
        SHARED("every system over one shared HTTP/2 connection", null),
        /** Each system its own client and connections, as separate agencies' systems connect. */
        HTTP1("each system its own, HTTP/1.1", HttpClient.Version.HTTP_1_1),
        HTTP2("each system its own, HTTP/2", HttpClient.Version.HTTP_2);

        final String description;
        final HttpClient.Version own;

        Connections(String description, HttpClient.Version own) {
            this.description = description;
            this.own = own;
        }

        static Connections of(String name) {
            try {
                return valueOf(name.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bench.connections is shared, http1 or http2, not " + name, e);
            }
        }
    }

    /** A system's client for this run's {@link #CONNECTIONS}, made once per system. */
    static AxisClient client(AxisCluster cluster, AxisCluster.Party party) {
        return CLIENTS.computeIfAbsent(party.system(), system -> CONNECTIONS.own == null
                ? party.client(() -> cluster.base(0)) : party.ownClient(() -> cluster.base(0), CONNECTIONS.own));
    }

    /** Circulars to all 94 agencies, one after another: each submission's latency in ms. */
    static List<Long> circulars(AxisCluster cluster, AxisCluster.Party sender, List<String> to, int count)
            throws Exception {
        AxisClient client = client(cluster, sender);
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < count + 2; i++) {
            byte[] edxml = AxisCluster.document(sender, Integer.toString(9_000_000 + i), to.toArray(String[]::new));
            long t = System.nanoTime();
            AxisCluster.check(client.submit(edxml, null));
            if (i >= 2) { // the first two warm up the path
                ms.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        return ms;
    }

    /** The same number of durable inserts of the same bytes, straight into PostgreSQL. */
    static double floor(AxisCluster cluster, byte[] bytes, int count, int threads) throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.database.jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute("create table bench_floor (id bigserial primary key, data bytea not null)");
        }
        AtomicLong left = new AtomicLong(count);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(cluster.database.jdbcUrl());
                     PreparedStatement ps = c.prepareStatement("insert into bench_floor (data) values (?)")) {
                    while (left.decrementAndGet() >= 0) {
                        ps.setBytes(1, bytes);
                        ps.executeUpdate(); // autocommit: one durable transaction each
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * PostgreSQL's own counters: transactions, and rows inserted and updated per table
     * ("commits", "insert evidence", "update delivery"...).
     */
    static Map<String, Long> databaseWork(AxisCluster cluster) throws Exception {
        Map<String, Long> work = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(cluster.database.jdbcUrl());
             Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("select xact_commit + xact_rollback from pg_stat_database "
                    + "where datname = current_database()")) {
                rs.next();
                work.put("transactions", rs.getLong(1));
            }
            try (var rs = s.executeQuery("select wal_bytes, wal_sync from pg_stat_wal")) {
                rs.next();
                work.put("wal bytes", rs.getLong(1));
                work.put("wal syncs", rs.getLong(2));
            }
            try (var rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd from pg_stat_user_tables")) {
                while (rs.next()) {
                    work.put("insert " + rs.getString(1), rs.getLong(2));
                    work.put("update " + rs.getString(1), rs.getLong(3));
                }
            }
        }
        return work;
    }

    /**
     * Restarts PostgreSQL with pg_stat_statements loaded (the embedded binaries carry it) and
     * waits until the service has its connections back, as it does after any database restart.
     */
    static void enableStatementStatistics(AxisCluster cluster) throws Exception {
        sql(cluster, "alter system set shared_preload_libraries = 'pg_stat_statements'");
        int port = cluster.database.port();
        cluster.stopDatabase();
        cluster.startDatabase(port);
        sql(cluster, "create extension if not exists pg_stat_statements");
        cluster.instances[0].awaitReady(AxisCluster.START);
    }

    static void sql(AxisCluster cluster, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.database.jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /**
     * The statements of the measured 1-page run that took PostgreSQL the longest (execution and
     * planning; waits for locks and for the WAL flush of a commit included), per document.
     */
    static List<String> busiestStatements(AxisCluster cluster, int accepted) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("  PostgreSQL's busiest statements per document (pg_stat_statements: calls, time, mean):");
        try (Connection c = DriverManager.getConnection(cluster.database.jdbcUrl());
             Statement s = c.createStatement();
             var rs = s.executeQuery("""
                     select calls, total_exec_time + total_plan_time, query from pg_stat_statements
                     where dbid = (select oid from pg_database where datname = current_database())
                       and query not like '%pg_stat%'
                     order by 2 desc limit 20""")) {
            while (rs.next()) {
                String query = rs.getString(3).replaceAll("\\s+", " ");
                lines.add(String.format("    %5.2f calls %6.2f ms  mean %6.3f ms  %s", (double) rs.getLong(1) / accepted,
                        rs.getDouble(2) / accepted, rs.getDouble(2) / rs.getLong(1),
                        query.length() > 110 ? query.substring(0, 110) + "…" : query));
            }
        }
        return lines;
    }

    /** What PostgreSQL did per document: transactions, then the largest row counts. */
    static void databasePerDocument(Map<String, Long> before, Map<String, Long> after, int accepted) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
        StringBuilder line = new StringBuilder(String.format("  PostgreSQL per document: %.1f transactions (this "
                + "benchmark's own included), WAL %.1f kB in %.1f flushes;", (double) delta.remove("transactions") / accepted,
                delta.remove("wal bytes") / 1024.0 / accepted, (double) delta.remove("wal syncs") / accepted));
        delta.entrySet().stream().filter(e -> e.getValue() > 0).sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .limit(10).forEach(e -> line.append(String.format(" %s %.1f,", e.getKey(), (double) e.getValue() / accepted)));
        System.out.println(line.substring(0, line.length() - 1));
    }

    /** Where the machine's CPU went, per document accepted: the service, PostgreSQL, the load generator. */
    static void cpuPerDocument(Run r) {
        System.out.printf("  CPU per document, end to end (its 3 deliveries and 3 statuses included): service %.1f ms, "
                        + "PostgreSQL %.1f ms, load generator %.1f ms; the machine has %d cores = %.0f ms per second%n",
                1000 * r.cpuSeconds() / r.accepted(), 1000 * r.postgresCpuSeconds() / r.accepted(),
                1000 * r.generatorCpuSeconds() / r.accepted(), Runtime.getRuntime().availableProcessors(),
                1000.0 * Runtime.getRuntime().availableProcessors());
        StringBuilder threads = new StringBuilder("  the service's CPU per document by thread:");
        r.threadTicks().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(8)
                .forEach(e -> threads.append(String.format(" %s %.1f ms,", e.getKey(), 10.0 * e.getValue() / r.accepted())));
        System.out.println(threads.substring(0, threads.length() - 1));
    }

    /** The service's own timers: per call, largest share first; the waits at the work gate; per stage of a submission. */
    static void serverTimeByCall(Map<String, double[]> timers, int accepted) {
        Map<String, double[]> calls = new TreeMap<>();
        Map<String, double[]> stages = new TreeMap<>();
        timers.forEach((k, v) -> {
            if (k.startsWith("stage ")) {
                stages.put(k, v);
            } else if (!k.equals(GATE)) {
                calls.put(k, v);
            }
        });
        double total = calls.values().stream().mapToDouble(v -> v[1]).sum();
        System.out.printf("  service time by call (wall time inside the service, waits for a thread and at the work gate "
                + "included):%n");
        calls.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).limit(8)
                .forEach(e -> System.out.printf("    %-40s %6.0f calls, %5.2f per document, mean %6.1f ms, %4.1f %% "
                                + "of the service's time%n", e.getKey(), e.getValue()[0], e.getValue()[0] / accepted,
                        1000 * e.getValue()[1] / e.getValue()[0], 100 * e.getValue()[1] / total));
        double[] gate = timers.getOrDefault(GATE, new double[] {0, 0});
        System.out.printf("  waits at the work gate: %.0f, %.2f per document, mean %.1f ms, %.1f %% of the calls' time%n",
                gate[0], gate[0] / accepted, gate[0] == 0 ? 0 : 1000 * gate[1] / gate[0], 100 * gate[1] / total);
        double submission = stages.values().stream().mapToDouble(v -> v[1]).sum();
        System.out.printf("  an accepted submission's time by stage (documents and statuses):%n");
        for (String stage : List.of("stage read", "stage check", "stage verify", "stage store")) {
            double[] v = stages.getOrDefault(stage, new double[] {1, 0});
            System.out.printf("    %-12s mean %6.1f ms, %4.1f %%%n", stage.substring(6), 1000 * v[1] / v[0],
                    100 * v[1] / submission);
        }
    }

    /**
     * Count and total seconds, from /q/metrics: of every method and route ("POST /api/v1/packages"),
     * of every stage of an accepted submission ("stage read"), and of the waits at the work gate.
     */
    static Map<String, double[]> serverTimes(AxisCluster cluster) throws IOException, InterruptedException {
        String text = new String(AxisCluster.check(cluster.admin().get("/q/metrics")).body(), StandardCharsets.UTF_8);
        Map<String, double[]> out = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^(http_server_requests|docaxis_submission_stage|docaxis_work_wait)_seconds_"
                + "(count|sum)(?:\\{(.*)})? (\\S+)$").matcher(text);
        while (m.find()) {
            String key = switch (m.group(1)) {
                case "http_server_requests" -> label(m.group(3), "method") + " " + label(m.group(3), "uri");
                case "docaxis_submission_stage" -> "stage " + label(m.group(3), "stage");
                default -> GATE;
            };
            double[] v = out.computeIfAbsent(key, k -> new double[2]);
            v["count".equals(m.group(2)) ? 0 : 1] += Double.parseDouble(m.group(4));
        }
        return out;
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "?";
    }

    static Map<String, double[]> since(Map<String, double[]> before, Map<String, double[]> after) {
        Map<String, double[]> out = new TreeMap<>();
        after.forEach((k, v) -> {
            double[] b = before.getOrDefault(k, new double[2]);
            if (v[0] > b[0]) {
                out.put(k, new double[] {v[0] - b[0], v[1] - b[1]});
            }
        });
        return out;
    }

    /** PostgreSQL's CPU: the postmaster, its live backends, and the backends that ended, in clock ticks. */
    static long postgresTicks(Path dataDirectory) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        long[] own = stat(postmaster);
        long ticks = own[1] + own[2] + own[3] + own[4];
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    long[] child = stat(Long.parseLong(p.getFileName().toString()));
                    if (child[0] == postmaster) {
                        ticks += child[1] + child[2];
                    }
                } catch (IOException gone) {
                    // a backend that ended meanwhile: counted in the postmaster's cutime
                }
            }
        }
        return ticks;
    }

    /** ppid, utime, stime, cutime, cstime of a process. */
    static long[] stat(long pid) throws IOException {
        String[] f = fields(Files.readString(Path.of("/proc/" + pid + "/stat")));
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
    }

    /** The fields of a /proc stat line after the name, which may hold spaces: [0] is the state. */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** This JVM's CPU time: the load generator's senders and recipients. */
    static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A live thread's kind (its kernel name less its number) and its CPU so far, in clock ticks. */
    record ThreadTime(String kind, long ticks) {
    }

    /**
     * utime + stime of each live thread of the process, by thread id: a pool's threads come and
     * go, so a kind ("executor-thread", "evidence-sealer", "C2 CompilerThre", "GC Thread"...: the
     * kernel's 15-character name less its number) is summed only over the ids of one run.
     */
    static Map<String, ThreadTime> threadTicks(long pid) throws IOException {
        Map<String, ThreadTime> threads = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String kind = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[-#]?\\d+$", "");
                    String[] f = fields(stat);
                    threads.put(task.getFileName().toString(), new ThreadTime(kind, Long.parseLong(f[11]) + Long.parseLong(f[12])));
                } catch (IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        }
        return threads;
    }

    /** utime + stime of the process, in clock ticks (100 per second on Linux). */
    static long cpuTicks(long pid) throws IOException {
        long[] stat = stat(pid);
        return stat[1] + stat[2];
    }

    /**
     * The kernel's count of TCP connections accepted on this machine (PassiveOpens in
     * /proc/net/snmp): the systems' connections to the service and the service's to PostgreSQL. A
     * client that keeps its connections alive opens a few per run; one that does not, one per call.
     */
    static long tcpPassiveOpens() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("Tcp:") && lines.get(i + 1).startsWith("Tcp:")) {
                List<String> names = List.of(lines.get(i).split("\\s+"));
                return Long.parseLong(lines.get(i + 1).split("\\s+")[names.indexOf("PassiveOpens")]);
            }
        }
        return -1;
    }

    /** VmHWM: the peak resident set size of the process, in kB. */
    static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    static double totalMemoryGb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0 / 1024.0;
            }
        }
        return 0;
    }
}
