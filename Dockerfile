# PolicyBot: build with the Maven wrapper, run on a JRE as a non-root user.
#   docker build -t policybot .
#   docker run -it -v policybot-data:/data policybot                      # console chat
#   docker run -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN -v policybot-data:/data policybot
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# Dependency layer: only the build files, so a source edit reuses the ~200 MB of downloaded jars and plugins.
COPY .mvn .mvn
COPY mvnw pom.xml jvm.options ./
COPY content/pom.xml content/
COPY bot-core/pom.xml bot-core/
COPY importer/pom.xml importer/
COPY slack-adapter/pom.xml slack-adapter/
COPY discord-adapter/pom.xml discord-adapter/
COPY app/pom.xml app/
# The reactor lists the benchmarks module, so its pom is read; it is neither built nor shipped.
COPY benchmarks/pom.xml benchmarks/
# A build of the poms alone (empty jars) downloads exactly the plugins and libraries the real build uses;
# dependency:go-offline would also fetch plugins the build never runs (site, reporting).
RUN ./mvnw -B -q -DskipTests -pl app -am package
# Source layer: what the app ships (no benchmarks, no tests run here: ./verify and CI run them).
COPY content/src/main content/src/main
COPY bot-core/src/main bot-core/src/main
COPY importer/src/main importer/src/main
COPY slack-adapter/src/main slack-adapter/src/main
COPY discord-adapter/src/main discord-adapter/src/main
COPY app/src/main app/src/main
RUN ./mvnw -B -q -DskipTests -pl app -am clean package

FROM eclipse-temurin:25-jre
RUN useradd --system --create-home --home-dir /home/policybot policybot \
    && mkdir -p /data /content && chown policybot /data /content
WORKDIR /opt/policybot
COPY --from=build /src/app/target/lib ./lib
COPY --from=build /src/jvm.options ./
COPY --from=build /src/app/target/policybot.jar ./
USER policybot
# /data holds the SQLite database and the vector cache; mount HR's content at /content and set
# POLICYBOT_CONTENT_DIR=/content to use it instead of the bundled policy.
ENV POLICYBOT_DATA_DIR=/data OPT_OUT_TRACKING=true
# The JDK 25 AOT start-up cache, trained as ./policybot trains it (one answered question), with this image's JVM
# and the same flags, so the README's start-up figures hold here too.
RUN java @/opt/policybot/jvm.options -XX:AOTCacheOutput=/home/policybot/policybot.aot -Xlog:aot=off -Xlog:cds=off \
      -jar /opt/policybot/policybot.jar --data /tmp/aot-training ask --json "Can I mention my employer on LinkedIn?" \
      >/dev/null && rm -rf /tmp/aot-training
VOLUME ["/data", "/content"]
# policybot serve: /healthz, /readyz, /metrics on 8080; Slack HTTP mode on 3000.
EXPOSE 8080 3000
ENTRYPOINT ["java", "@/opt/policybot/jvm.options", "-XX:AOTCache=/home/policybot/policybot.aot", "-Xlog:aot=off", "-Xlog:cds=off", \
            "-jar", "/opt/policybot/policybot.jar"]
CMD ["run"]
