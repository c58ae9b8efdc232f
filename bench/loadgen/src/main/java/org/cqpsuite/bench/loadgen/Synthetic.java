package org.cqpsuite.bench.loadgen;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Synthetic certifications published straight to the suite's topics, for the replay and scale benchmarks: contract-
 * valid events (event-contract: CloudEvents 1.0 binary mode, {@code ce_*} headers, key = certification id, sequence
 * per key and topic from 1, full state in every event), exactly as the services' outbox writes them.
 *
 * <p>Certification {@code i} (from 0) has the id {@code UUID.nameUUIDFromBytes("cqp-bench-synthetic/" + i)} and is
 * what the directory import of a registered CQP gives: on {@code cqp.certification.events} {@code created} (1, DRAFT,
 * source DIRECTORY_IMPORT) and {@code published} (2); on {@code cqp.registration.events} {@code transmitted} (1, an
 * inferred transmission) and {@code registered} (2, one RS registration on request, in force from a day of 2024-2025
 * for five years). So 4 events per certification. Its RS code ({@link #code(int)}) is a code no real fiche has:
 * RS100000 + i (6 digits; real RS codes have 4 in 2026), then, past 899 000, 6- and 5-digit codes with a leading zero
 * (RS0xxxxx, RS0xxxx), which France compétences never writes: 1 009 000 codes in all.
 *
 * <ul>
 *   <li>{@code publish --bootstrap B --eligibility URL (--certifications N | --min-events E)}: makes sure synthetic
 *       certifications 0..N-1 exist: finds how many the eligibility read model already has (they are published in
 *       order, so a binary search on {@code GET /eligibility/cpf?certification=}), publishes the rest. With
 *       {@code --min-events E}: as many more as needed for both topics to hold at least E records.</li>
 *   <li>{@code count --eligibility URL}: how many synthetic certifications the read model has.</li>
 *   <li>{@code urls --eligibility URL --certifications N --sample K --date D --seed S --out FILE}: K URLs of
 *       {@code GET /eligibility/cpf} on codes of synthetic certifications drawn at random (seed S, 42 by default)
 *       from 0..N-1.</li>
 * </ul>
 */
final class Synthetic {

    static final String CERTIFICATION_TOPIC = "cqp.certification.events";
    static final String REGISTRATION_TOPIC = "cqp.registration.events";
    static final int MAX = 1_009_000;
    static final int EVENTS_PER_CERTIFICATION = 4;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private Synthetic() {
    }

    static UUID id(int i) {
        return UUID.nameUUIDFromBytes(("cqp-bench-synthetic/" + i).getBytes(StandardCharsets.UTF_8));
    }

    static String code(int i) {
        if (i < 0 || i >= MAX) {
            throw new IllegalArgumentException("synthetic certifications are numbered 0 to " + (MAX - 1));
        }
        if (i < 899_000) {
            return "RS" + (100_000 + i);
        }
        if (i < 999_000) {
            return String.format(Locale.ROOT, "RS0%05d", i - 899_000);
        }
        return String.format(Locale.ROOT, "RS0%04d", i - 999_000);
    }

    static LocalDate effectiveFrom(int i) {
        return FIRST_DAY.plusDays(i % 700);
    }

    static int publish(Args args) throws Exception {
        String bootstrap = args.value("--bootstrap").orElseThrow(() -> new IllegalArgumentException("publish needs --bootstrap"));
        String elig = Http.trimSlash(args.value("--eligibility").orElseThrow(
                () -> new IllegalArgumentException("publish needs --eligibility URL")));
        int wanted = args.integer("--certifications", -1);
        long minEvents = args.value("--min-events").map(Long::parseLong).orElse(-1L);
        Path result = args.value("--result").map(Path::of).orElse(null);
        args.rejectUnused();
        if ((wanted < 0) == (minEvents < 0)) {
            throw new IllegalArgumentException("publish needs exactly one of --certifications N and --min-events E");
        }
        int present = count(new Http(Duration.ofSeconds(30)), elig);
        long onTopics = eventsOnTopics(bootstrap);
        if (minEvents >= 0) {
            long missing = Math.max(0, minEvents - onTopics);
            wanted = present + (int) ((missing + EVENTS_PER_CERTIFICATION - 1) / EVENTS_PER_CERTIFICATION);
        }
        if (wanted > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " synthetic certifications");
        }
        System.out.printf(Locale.ROOT, "publish: %d records on the topics, %d synthetic certifications in the read model"
                + ", %d wanted%n", onTopics, present, wanted);
        int toPublish = Math.max(0, wanted - present);
        long events = 0;
        double secs = 0;
        if (toPublish > 0) {
            long t0 = System.nanoTime();
            events = send(bootstrap, present, wanted);
            secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "publish: %d synthetic certifications (%d to %d), %d events, in %.1f s "
                    + "(%.0f events/s)%n", toPublish, present, wanted - 1, events, secs, events / secs);
        }
        new Report().put("present_before", present).put("certifications", Math.max(wanted, present))
                .put("published_certifications", toPublish).put("published_events", events)
                .put("publish_seconds", secs).put("records_on_topics_before", onTopics).write(result);
        return 0;
    }

    static int count(Args args) throws Exception {
        String elig = Http.trimSlash(args.value("--eligibility").orElseThrow(
                () -> new IllegalArgumentException("count needs --eligibility URL")));
        args.rejectUnused();
        System.out.println(count(new Http(Duration.ofSeconds(30)), elig));
        return 0;
    }

    static int urls(Args args) throws Exception {
        String elig = Http.trimSlash(args.value("--eligibility").orElseThrow(
                () -> new IllegalArgumentException("urls needs --eligibility URL")));
        int n = args.integer("--certifications", 1000);
        int sample = args.integer("--sample", 1000);
        String date = args.value("--date").orElse("2026-06-01");
        Path out = Path.of(args.value("--out").orElseThrow(() -> new IllegalArgumentException("urls needs --out FILE")));
        long seed = args.integer("--seed", 42);
        args.rejectUnused();
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# GET /eligibility/cpf on %d codes of synthetic certifications 0..%d", sample, n - 1));
        for (int k = 0; k < sample; k++) {
            int i = sample >= n ? k % n : random.nextInt(n);
            lines.add(elig + "/eligibility/cpf?code=" + code(i) + "&date=" + date);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, lines);
        return 0;
    }

    /** How many synthetic certifications (0..k-1) the read model has: they are published in order. */
    static int count(Http http, String elig) throws Exception {
        if (!known(http, elig, 0)) {
            return 0;
        }
        int lo = 0;
        int hi = MAX;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (known(http, elig, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    private static boolean known(Http http, String elig, int i) throws Exception {
        Http.Answer a = http.get(elig + "/eligibility/cpf?certification=" + id(i) + "&date=2026-06-01");
        if (a.status() != 200 && a.status() != 404) {
            throw new IllegalStateException("GET /eligibility/cpf?certification= answered " + a.status() + ": " + a.body());
        }
        return a.status() == 200 && a.body().contains("\"eligible\":true");
    }

    static long eventsOnTopics(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("allow.auto.create.topics", "false");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            Map<String, List<PartitionInfo>> topics = c.listTopics(Duration.ofSeconds(30));
            for (String t : List.of(CERTIFICATION_TOPIC, REGISTRATION_TOPIC)) {
                for (PartitionInfo pi : topics.getOrDefault(t, List.of())) {
                    parts.add(new TopicPartition(t, pi.partition()));
                }
            }
            if (parts.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            Map<TopicPartition, Long> begin = c.beginningOffsets(parts, Duration.ofSeconds(30));
            long n = 0;
            for (TopicPartition tp : parts) {
                n += end.get(tp) - begin.get(tp);
            }
            return n;
        }
    }

    private static long send(String bootstrap, int from, int to) throws Exception {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        cfg.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        cfg.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        long start = System.nanoTime();
        long lastPrint = start;
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cfg)) {
            for (int i = from; i < to; i++) {
                String id = id(i).toString();
                String now = Instant.now().toString();
                send(producer, CERTIFICATION_TOPIC, id, "org.cqpsuite.certification.created",
                        "/cqp-suite/certification-service", 1, certification(i, id, 1, "DRAFT", 0, today, now), now,
                        acked, failure);
                send(producer, CERTIFICATION_TOPIC, id, "org.cqpsuite.certification.published",
                        "/cqp-suite/certification-service", 2, certification(i, id, 2, "PUBLISHED", 1, today, now), now,
                        acked, failure);
                send(producer, REGISTRATION_TOPIC, id, "org.cqpsuite.registration.transmitted",
                        "/cqp-suite/registration-service", 1, registration(i, id, 1, false, now), now, acked, failure);
                send(producer, REGISTRATION_TOPIC, id, "org.cqpsuite.registration.registered",
                        "/cqp-suite/registration-service", 2, registration(i, id, 2, true, now), now, acked, failure);
                sent += 4;
                if (failure.get() != null) {
                    throw failure.get();
                }
                long t = System.nanoTime();
                if (t - lastPrint > 10_000_000_000L) {
                    System.out.printf(Locale.ROOT, "  published %d of %d certifications (%.0f events/s)%n", i + 1 - from,
                            to - from, acked.get() / ((t - start) / 1e9));
                    lastPrint = t;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return sent;
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String type,
            String source, long sequence, String value, String time, AtomicLong acked,
            AtomicReference<Exception> failure) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", b("1.0"));
        h.add("ce_id", b(UUID.randomUUID().toString()));
        h.add("ce_type", b(type));
        h.add("ce_source", b(source));
        h.add("ce_subject", b(key));
        h.add("ce_time", b(time));
        h.add("ce_sequence", b(String.format(Locale.ROOT, "%019d", sequence)));
        h.add("content-type", b("application/json"));
        producer.send(new ProducerRecord<>(topic, null, key, value, h), (md, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                acked.incrementAndGet();
            }
        });
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] IDCC = {"0018", "0247", "0207", "1580", "3248", "1486"};

    static String certification(int i, String id, long sequence, String status, int version, String today, String now) {
        String idcc = IDCC[i % IDCC.length];
        return "{\"sequence\":" + sequence + ",\"certification\":{\"id\":\"" + id + "\",\"kind\":\"CQP\",\"title\":"
                + Http.q("CQP synthétique n° " + i + " du banc") + ",\"status\":\"" + status
                + "\",\"source\":\"DIRECTORY_IMPORT\",\"cpnes\":[{\"name\":\"CPNE synthétique " + idcc + "\",\"idcc\":\""
                + idcc + "\"}],\"carryingBranches\":[\"" + idcc + "\"],\"nsfCodes\":[\"250r\"],\"romeCodes\":[\"H1502\"],"
                + "\"createdOn\":\"" + today + "\",\"updatedAt\":\"" + now + "\",\"version\":" + version
                + ",\"frameworks\":{\"activities\":null,\"skills\":null,\"evaluation\":null}}}";
    }

    static String registration(int i, String id, long sequence, boolean registered, String now) {
        LocalDate from = effectiveFrom(i);
        StringBuilder sb = new StringBuilder(900);
        sb.append("{\"sequence\":").append(sequence).append(",\"state\":{\"certificationId\":\"").append(id)
                .append("\",\"transmissions\":[{\"transmittedOn\":\"").append(from)
                .append("\",\"reference\":null,\"recordedAt\":\"").append(now).append("\",\"inferred\":true}],")
                .append("\"registrations\":[");
        if (registered) {
            UUID rid = UUID.nameUUIDFromBytes(("cqp-bench-synthetic-registration/" + i).getBytes(StandardCharsets.UTF_8));
            sb.append("{\"id\":\"").append(rid).append("\",\"directory\":\"RS\",\"code\":\"").append(code(i))
                    .append("\",\"status\":\"REGISTERED\",\"registrationType\":\"ON_REQUEST\",\"requestedOn\":null,")
                    .append("\"decidedOn\":\"").append(from).append("\",\"effectiveFrom\":\"").append(from)
                    .append("\",\"endsOn\":\"").append(from.plusYears(5).minusDays(1))
                    .append("\",\"awardDeadline\":null,\"level\":null,\"blocks\":[],\"withdrawnOn\":null,")
                    .append("\"withdrawalReason\":null,\"predecessorId\":null,\"successorId\":null,")
                    .append("\"predecessorCode\":null,\"successorCode\":null,\"legalBasis\":null}");
        }
        return sb.append("]}}").toString();
    }
}
