package io.chatapp.chat.support;

import io.chatapp.chat.users.entity.UserId;
import io.chatapp.testsupport.DeploymentSettings;
import io.chatapp.testsupport.InContainer;
import io.chatapp.testsupport.LoginBackends;
import io.chatapp.testsupport.SharedFixtures;
import io.chatapp.testsupport.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What a deployed chat-war needs, made once per test JVM and shared by its deployments: the
 * embedded MongoDB-compatible server in memory, user-war played by {@link UserServiceStandIn} (Ann,
 * Bob and Cid), a key pair for access tokens, a RabbitMQ virtual host of this run's own and Redis
 * database {@value #REDIS_DATABASE}. {@link #deployment} is the packaged WAR carrying them as its
 * MicroProfile Config. Everything is removed when the JVM ends, after the containers it served.
 */
public final class TestBed implements AutoCloseable {

  /** The Redis database of in-container tests: keys stay out of a stack's database 0. */
  static final int REDIS_DATABASE = 13;

  /** The web UI's origin as the deployment is told it: cookie logins are accepted from it. */
  public static final String UI_ORIGIN = LoginBackends.UI_ORIGIN;

  public final UserId ann;
  public final UserId bob;
  public final UserId cid;
  private final LoginBackends backends = new LoginBackends("chat-it", REDIS_DATABASE);
  private final UserServiceStandIn users;
  private final Path mediaDir;

  private TestBed() throws IOException {
    users = new UserServiceStandIn();
    ann = users.add("Ann");
    bob = users.add("Bob");
    cid = users.add("Cid");
    mediaDir = Files.createTempDirectory("chat-it-media-");
  }

  /** The test bed of this JVM, started by the first deployment that asks. */
  public static TestBed get() {
    return SharedFixtures.of(TestBed.class, TestBed::new);
  }

  /** The chat-war WAR this build packaged, with this bed's settings and these classes inside. */
  public static WebArchive deployment(Class<?>... inside) {
    return InContainer.builtWar(get().settings(), inside);
  }

  /** An access token of this user signed with the key the deployment was given. */
  public String token(UserId user, Duration lifetime) {
    return backends.tokens.access(user.value(), lifetime);
  }

  private DeploymentSettings settings() {
    return backends
        .settings()
        .with("ws.allowed-origins", UI_ORIGIN)
        .with("user.service.url", users.url())
        .with("media.dir", mediaDir.toString())
        .with("chat.public.url", "http://chat.test")
        .with("test.user.ann", ann.value())
        .with("test.user.bob", bob.value())
        .with("test.user.cid", cid.value());
  }

  @Override
  public void close() {
    backends.close();
    // presence and viewing keys name the user; chat sequence counters expire by themselves
    TestRedis.deleteKeys(
        REDIS_DATABASE,
        List.of(ann, bob, cid).stream().map(user -> "*" + user.value() + "*").toList());
    users.close();
    try (var files = Files.walk(mediaDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system clears it eventually
    }
  }
}
