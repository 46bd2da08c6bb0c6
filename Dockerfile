# PolicyBot: build with the Maven wrapper, run on a JRE as a non-root user.
#   docker build -t policybot .
#   docker run -it -v policybot-data:/data policybot                      # console chat
#   docker run -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN -v policybot-data:/data policybot
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY content content
COPY bot-core bot-core
COPY slack-adapter slack-adapter
COPY discord-adapter discord-adapter
COPY app app
COPY benchmarks benchmarks
RUN ./mvnw -B -q -DskipTests -pl app -am package

FROM eclipse-temurin:25-jre
RUN useradd --system --create-home --home-dir /home/policybot policybot \
    && mkdir -p /data /content && chown policybot /data /content
WORKDIR /opt/policybot
COPY --from=build /src/app/target/policybot.jar ./
COPY --from=build /src/app/target/lib ./lib
USER policybot
# /data holds the SQLite database and the vector cache; mount HR's content at /content and set
# POLICYBOT_CONTENT_DIR=/content to use it instead of the bundled policy.
ENV POLICYBOT_DATA_DIR=/data OPT_OUT_TRACKING=true
VOLUME ["/data", "/content"]
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/policybot/policybot.jar"]
CMD ["run"]
