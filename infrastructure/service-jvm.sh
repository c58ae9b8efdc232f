# The JVM a service runs in, as ./suite starts it; sourced by ./suite and bench/lib.sh (not run). Needs JAVA (the
# java command) and ROOT (the checkout) set by the caller.
#
# JVM options: CQP_<SERVICE>_JAVA_OPTS, else JAVA_OPTS, else the default: the serial collector and a small initial
# heap (a service's heap grows as it needs, up to 256 MB), and the native heap trimmed every 5 s when the JVM has
# that option (JDK 17.0.9 and later): without it glibc keeps the memory the JIT compilers freed after start-up, about
# 25 MB of RSS per service. The write services (certification, registration) compile with C1 only
# (-XX:TieredStopAtLevel=1): C2's compilations were half their CPU during a first directory import. They also give
# back the heap their start-up used (-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30: after a full collection the
# heap keeps 10-30 % free instead of 40-70 %) and compile a method once it ran 1 000 times rather than 200
# (-XX:Tier3*Threshold: code run a few hundred times at start-up only stays interpreted, 2 MB of compiled code less).
#
# Class data sharing: a service's first start after a build records the classes it loads and writes them to a class
# data archive (CDS, -XX:ArchiveClassesAtExit) when it stops cleanly; its later starts map that archive
# (-XX:SharedArchiveFile) instead of reading, parsing and verifying about 16 000 classes again. A service is one
# runnable jar (quarkus.package.jar.type=uber-jar) on the JVM's own class path, so an archived class is taken from the
# archive without its jar being read (Quarkus's fast-jar class loader had to read and inflate each one): ready in
# 2.0-2.3 s instead of 5.3-5.9 s without an archive, on a 2-core machine. The archive belongs to one packaged service,
# one JDK and one set of JVM options: its name holds a checksum of the three, so a rebuild or another JDK writes a new
# one.
# CQP_CDS_DIR says where archives live [<checkout>/target/cds]; CQP_CDS=false starts without one.

CDS_DIR="${CQP_CDS_DIR:-$ROOT/target/cds}"
# The JVM, asked once per command (a JVM start costs about 0.1 s): its version, part of an archive's checksum, and
# whether it knows -XX:TrimNativeHeapInterval. One start answers both when it does.
_JAVA_VERSION="" _TRIM_OPTION=""
probe_java() {
  [[ -z "$_JAVA_VERSION" ]] || return 0
  if _JAVA_VERSION=$("$JAVA" -XX:TrimNativeHeapInterval=5000 -version 2>&1); then
    _TRIM_OPTION=" -XX:TrimNativeHeapInterval=5000"
  else
    _JAVA_VERSION=$("$JAVA" -version 2>&1) || true
  fi
}

# service_java_opts SVC: sets SERVICE_OPTS to the JVM options of the service SVC (certification, registration,
# eligibility), without the class data archive's.
service_java_opts() {
  local var="CQP_${1^^}_JAVA_OPTS"
  probe_java
  if [[ -n "${!var:-}" ]]; then SERVICE_OPTS=${!var}; return; fi
  if [[ -n "${JAVA_OPTS:-}" ]]; then SERVICE_OPTS=$JAVA_OPTS; return; fi
  SERVICE_OPTS="-XX:+UseSerialGC -Xms24m -Xmx256m$_TRIM_OPTION"
  # The write services' work waits on PostgreSQL and Kafka: C1's code serves it as fast as C2's would, without
  # C2's compilations (half of their CPU in the first minutes of a directory import, on 2 cores shared with the
  # database). The eligibility-service answers from memory: it keeps C2.
  [[ "$1" != eligibility ]] || return 0
  SERVICE_OPTS+=" -XX:TieredStopAtLevel=1"
  # After a full collection, 10-30 % of the heap free (the collector's default: 40-70 %): their live heap after a start
  # is about 25 MB, of 50-66 MB kept before.
  SERVICE_OPTS+=" -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
  # C1 compiles a method after 1 000 calls instead of 200, so code that only the start runs stays interpreted.
  SERVICE_OPTS+=" -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500 -XX:Tier3CompileThreshold=5000"
}

# service_jar SVC: prints the path of the packaged service SVC (one runnable jar, quarkus.package.jar.type=uber-jar).
service_jar() { printf '%s/%s-service/target/%s-service-runner.jar' "$ROOT" "$1" "$1"; }

# cds_archive SVC OPTS: prints the path of the class data archive of the service SVC started with the JVM options
# OPTS (whether it exists or not).
cds_archive() {
  local svc=$1 opts=$2 sum
  probe_java
  # The build: the service's jar (its size and time; the JVM itself refuses an archive whose jar changed).
  sum=$({ printf '%s\n' "$_JAVA_VERSION"; stat -c '%n %s %Y' "$(service_jar "$svc")" 2>&1
    printf '%s\n' "$opts"; } | cksum | cut -d' ' -f1)
  printf '%s/%s-%s.jsa' "$CDS_DIR" "$svc" "$sum"
}

# cds_options SVC OPTS: sets CDS_OPTS to the options that map the service's archive when it exists, or else record
# one into a file of its own (CDS_PENDING, made the archive by cds_settle once the service stopped cleanly).
cds_options() {
  CDS_OPTS="" CDS_PENDING=""
  [[ "${CQP_CDS:-true}" != false ]] || return 0
  local archive; archive=$(cds_archive "$1" "$2")
  # The JVM's own CDS messages (classes it leaves out of the archive) are not the service's log.
  if [[ -s "$archive" ]]; then
    CDS_OPTS="-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    mkdir -p "$CDS_DIR"
    CDS_PENDING="$archive.$$-$RANDOM.tmp"
    CDS_OPTS="-XX:ArchiveClassesAtExit=$CDS_PENDING -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# cds_settle PENDING CLEAN: a service recording into PENDING has stopped. CLEAN=1: it stopped on SIGTERM, so the JVM
# wrote the whole archive before exiting: it becomes the archive (renamed, so that a start never maps a half-written
# file). Otherwise (killed, or found dead) the file is dropped.
cds_settle() {
  local pending=$1 clean=$2
  [[ -n "$pending" ]] || return 0
  if (( clean )) && [[ -s "$pending" ]]; then
    mv -f "$pending" "${pending%.*.tmp}"
  else
    rm -f "$pending"
  fi
}
