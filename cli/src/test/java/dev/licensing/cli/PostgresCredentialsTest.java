package dev.licensing.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The user and password of a PostgreSQL run: the URL's first, then PGUSER and PGPASSWORD; ~/.pgpass is pgjdbc's. */
class PostgresCredentialsTest {
    private static final Map<String, String> ENV = Map.of("PGUSER", "envuser", "PGPASSWORD", "envsecret");

    @Test
    void theEnvironmentServesWhatTheUrlDoesNotSay() {
        assertThat(PostgresCredentials.resolve("jdbc:postgresql://h:5432/db", ENV))
                .isEqualTo(new PostgresCredentials("envuser", "envsecret"));
    }

    @Test
    void theUrlsUserAndPasswordWin() {
        assertThat(PostgresCredentials.resolve("jdbc:postgresql://h/db?ssl=false&user=u&password=p", ENV))
                .isEqualTo(new PostgresCredentials(null, null));
        assertThat(PostgresCredentials.resolve("jdbc:postgresql://h/db?user=u", ENV))
                .isEqualTo(new PostgresCredentials(null, "envsecret"));
    }

    @Test
    void withoutEitherThePasswordIsLeftToThePasswordFile() {
        assertThat(PostgresCredentials.resolve("jdbc:postgresql://h/db", Map.of()))
                .isEqualTo(new PostgresCredentials(null, null));
        assertThat(PostgresCredentials.resolve("jdbc:postgresql://h/db", Map.of("PGPASSWORD", "")))
                .isEqualTo(new PostgresCredentials(null, null));
    }

    @Test
    void thePasswordNeverShows() {
        assertThat(new PostgresCredentials("u", "secret").toString()).doesNotContain("secret");
    }
}
