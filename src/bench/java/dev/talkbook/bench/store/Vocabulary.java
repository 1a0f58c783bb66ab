package dev.talkbook.bench.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The words the generated notes are made of: about 3,000 words drawn with a Zipf distribution
 * (function words most often, invented rare words least), technical terms and multi-word technical
 * phrases, speakers' names, tags and event series. Everything is fixed or derived from a fixed
 * seed, so every run writes the same notebook.
 */
final class Vocabulary {
  private Vocabulary() {}

  /** The most frequent words, in order of frequency. */
  static final List<String> FUNCTION_WORDS =
      words(
          """
          the of and to a in is that for it with as on be this are by not you at from or can
          but we an they all when more so if what about which their there one do how no has will
          up out then only just into than them some other its also was were our your
          """);

  static final List<String> GENERAL_WORDS =
      words(
          """
          able above across actually after again against ago ahead almost alone along already
          although always among amount another answer anyone anything anyway appear apply approach
          area argue around ask asked assume attention audience available avoid away back bad
          basic because become before begin behind believe below best better between beyond big
          bit both bottom break bring broken build built busy buy call came care careful carry
          case catch cause certain chance change cheap check choice choose claim clear clever close
          common compare complete complex consider constant context continue control copy correct
          cost could count couple course cover create current customer cut daily danger dark day
          deal decide decision deep default define demo depend describe design detail did
          difference different difficult direct discuss distance does doing done down draw drive
          drop during each early easy edge effect effort either else end enough entire error
          especially even event every everyone everything exactly example except expect
          expensive experience explain extra fact fail fair fall familiar far fast feature feel
          few field figure fill final finally find fine finish first fit fix follow force forget
          form forward found free friend front full fun future gain general get give given go goal
          good great green group grow guess half hand handle happen happy hard head hear heavy
          help here high hold home hope huge idea imagine important improve include increase
          instead interest interesting itself job join keep kind know known large last late later
          lead learn least leave left less let level life light like likely limit line list
          little live long look lose lost lot low main make manage many matter maybe mean measure
          meet member mention might mind minute miss mistake model moment money month most move
          much must name natural near need never new next nice nobody normal note nothing notice
          now number obvious offer often old once open order others own page paper part pass past
          path pay people perhaps person pick piece place plan play point poor possible power
          practice prefer prepare present pretty price probably problem process produce product
          promise proper prove provide pull purpose push put question quick quickly quite raise
          range rather reach read ready real reason receive recent record reduce remember remove
          repeat replace report require rest result return right risk room rule run safe same save
          saw say second see seem seen sense separate serious serve set several shape share short
          should show side sign signal similar simple since single size slide slow small smart
          solve someone something sometimes soon sort sound source space speak special speed spend
          split stage stand start state stay step still stop story strong study stuff such suggest
          support sure surprise switch system table take talk task team tell term test thing think
          though thought through time today together told too took tool top total touch toward
          track trade treat tree tried trouble true trust try turn type under understand until
          upon use used useful user usual value very view visible wait walk want watch water way
          week well went whole why wide window without word work world worry worth would write
          wrong year yet young zero
          """);

  /** Single technical terms, in the casing a note taker would write them. */
  static final List<String> TECH_TERMS =
      words(
          """
          Kubernetes Kafka PostgreSQL SQLite Redis Rust Go Java Python TypeScript JavaScript
          Kotlin Scala Clojure Elixir Erlang Haskell OCaml Swift Zig React Vue Svelte Angular
          GraphQL gRPC REST Terraform Docker Podman Linux WebAssembly JVM GraalVM Spring Quarkus
          Micronaut Loom Tokio Netty Vert.x Akka Spark Flink Beam Airflow Prometheus Grafana
          OpenTelemetry Jaeger Envoy Istio Linkerd Nginx HAProxy Cassandra MongoDB DynamoDB
          Elasticsearch Lucene ClickHouse DuckDB Parquet Avro Protobuf JSON YAML TOML HTTP QUIC
          TLS OAuth JWT WebSocket Maven Gradle Bazel npm Cargo pip JUnit pytest Selenium
          Playwright Git GitHub CI Jenkins ArgoCD Helm AWS Azure GCP Lambda S3 ECS EKS CUDA
          PyTorch TensorFlow NumPy pandas Jupyter LLM RAG embeddings transformer tokenizer
          latency throughput idempotency backpressure serialization deserialization index cache
          caching sharding replication partition consensus Raft Paxos quorum snapshot checkpoint
          compaction vacuum fsync mmap syscall kernel scheduler coroutine goroutine async await
          promise future callback mutex semaphore lock deadlock livelock contention atomic
          volatile allocation heap stack pointer reference borrow lifetime ownership generics
          monad functor closure lambda immutable mutable refactoring linter formatter compiler
          interpreter bytecode JIT AOT inlining profiler flamegraph benchmark microbenchmark
          regression observability telemetry tracing metrics logging alerting SLO SLA uptime
          failover rollback rollout migration schema normalization denormalization query
          optimizer planner join predicate cardinality histogram sampling percentile p99
          timeout retry jitter hedging bulkhead sidecar proxy gateway ingress egress firewall
          encryption hashing signature certificate vulnerability exploit sandbox container
          namespace cgroup orchestration autoscaling provisioning serverless microservice
          monolith modular plugin dependency artifact registry pipeline deployment staging
          production incident postmortem runbook oncall toil accessibility usability prototype
          wireframe component hydration rendering virtualization debounce throttle websocket
          endpoint payload middleware handler router controller repository aggregate projection
          idempotent stateless stateful eventual consistency linearizability isolation
          transaction commit savepoint cursor pagination tokenization stemming ranking bm25
          relevance recall precision dataset training inference finetuning quantization GPU CPU
          SIMD vectorization cacheline prefetch branch misprediction NUMA
          """);

  /** Multi-word technical phrases that notes repeat and phrase queries look for. */
  static final List<String> TECH_PHRASES =
      lines(
          """
          connection pool
          circuit breaker
          event loop
          virtual threads
          query planner
          garbage collector
          write-ahead log
          service mesh
          feature flag
          load balancer
          rate limiter
          dependency injection
          property-based testing
          continuous delivery
          memory leak
          race condition
          type system
          pattern matching
          message queue
          consensus algorithm
          vector clock
          bloom filter
          hash map
          full-text search
          cold start
          tail latency
          thread pool
          data race
          code review
          pair programming
          technical debt
          domain model
          event sourcing
          access control
          zero downtime
          canary release
          schema migration
          unit test
          integration test
          static analysis
          build cache
          hot reload
          screen reader
          keyboard navigation
          structured concurrency
          back pressure
          cache invalidation
          primary key
          foreign key
          query plan
          """);

  /** Capitalised words for talk titles and headings. */
  static final List<String> TITLE_ADJECTIVES =
      words(
          """
          Practical Fearless Boring Modern Pragmatic Reliable Fast Safe Honest Gentle Hidden
          Unexpected Effective Scalable Testable Incremental Secure Accessible Observable Simple
          """);

  static final List<String> FIRST_NAMES =
      words(
          """
          Ada Grace Alan Barbara Edsger Donald Frances Margaret Ken Dennis Bjarne Guido James
          Anders Rich Joe Simon Leslie Radia Hedy Katherine Dorothy Mary John Sophie Lars Ingrid
          Kofi Amara Chidi Ngozi Yuki Haruto Mei Wei Priya Arjun Ananya Rahul Fatima Omar Layla
          Youssef Elena Mateo Lucia Diego Camila Tomasz Agnieszka Pavel Olga Nikolai Freya Maren
          Henrik Astrid Emil Noor Zara Felix Clara Jonas Lea Paul Marta Ines Rui Tiago Kwame
          """);

  static final List<String> LAST_NAMES =
      words(
          """
          Hopper Lovelace Turing Liskov Dijkstra Knuth Allen Hamilton Thompson Ritchie Stroustrup
          Rossum Gosling Hejlsberg Hickey Armstrong Peyton Lamport Perlman Lamarr Johnson Vaughan
          Keller Backus Wilson Okafor Mensah Adeyemi Nakamura Tanaka Chen Wang Sharma Patel Iyer
          Haddad Khalil Garcia Rossi Novak Kowalski Ivanova Petrov Lindqvist Holt Berg Nilsen
          Andersen Schmidt Weber Dubois Moreau Silva Costa Santos Okonkwo Banda Kim Park Nguyen
          Tran Ferreira Horvat Varga Murphy Walsh Fischer Jansen Vries Eriksson
          """);

  static final List<String> TAGS =
      words(
          """
          java python rust go javascript typescript kotlin databases sql security testing devops
          cloud kubernetes performance concurrency async architecture frontend accessibility ux ml
          data observability distributed-systems networking compilers functional web mobile
          embedded career leadership open-source tooling ci api graphql search storage caching
          reliability privacy education live-coding ai linux wasm design keynote
          """);

  static final List<String> EVENT_SERIES =
      lines(
          """
          JavaZone
          Devoxx Belgium
          PyATL
          Strange Loop
          RustConf
          KubeCon Europe
          FOSDEM
          GOTO Aarhus
          NDC Oslo
          Berlin Buzzwords
          """);

  static final List<String> ROOMS =
      lines(
          """
          Main hall
          Room 1
          Room 2
          Room 3
          Room 4
          Workshop room
          Lightning stage
          Auditorium B
          """);

  private static final String[] SYLLABLES = {
    "ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to", "va", "we",
    "xo", "ya", "zi", "bro", "cla", "dre", "fli", "gro", "kra", "ple", "qui", "stra", "tri", "vor",
    "an", "el", "in", "on", "ur", "ex", "ist", "ard", "eth", "olm"
  };

  /**
   * About 2,000 invented words (the long tail of a real vocabulary: names, jargon, typos), made
   * from syllables with a fixed seed and none equal to a real word above.
   */
  static List<String> inventedWords(int count, long seed) {
    Random random = new Random(seed);
    Set<String> taken = new LinkedHashSet<>();
    for (List<String> list : List.of(FUNCTION_WORDS, GENERAL_WORDS, TECH_TERMS)) {
      for (String w : list) {
        taken.add(w.toLowerCase(java.util.Locale.ROOT));
      }
    }
    Set<String> invented = new LinkedHashSet<>();
    while (invented.size() < count) {
      int syllables = 2 + random.nextInt(3);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < syllables; i++) {
        sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      String w = sb.toString();
      if (!taken.contains(w)) {
        invented.add(w);
      }
    }
    return List.copyOf(invented);
  }

  /**
   * The plain words of running text, most frequent first: the function words, then the general
   * words shuffled, then the invented long tail. (Technical terms are mixed in by the notes writer:
   * the talk's topic often, other terms rarely.)
   */
  static List<String> rankedWords(long seed) {
    List<String> middle = new ArrayList<>(GENERAL_WORDS);
    Collections.shuffle(middle, new Random(seed));
    List<String> tail = new ArrayList<>(inventedWords(2_000, seed + 1));
    List<String> ranked = new ArrayList<>(FUNCTION_WORDS);
    ranked.addAll(middle);
    ranked.addAll(tail);
    return List.copyOf(ranked);
  }

  private static List<String> words(String block) {
    return List.of(block.strip().split("\\s+"));
  }

  private static List<String> lines(String block) {
    return block.strip().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
