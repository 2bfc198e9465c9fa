package io.chatapp.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of an in-container test: the WAR the module's build packaged ({@code
 * deployment.war}, set by the parent's {@code in-container-tests} profile), as it is, plus the
 * test's settings in a jar of their own ({@code META-INF/microprofile-config.properties} at ordinal
 * 500, above the WAR's defaults and above environment variables and system properties, so that a
 * {@code REDIS_URL} or {@code MONGODB_URI} of the developer's shell never points a test at a
 * running stack's data), and the test classes that run inside with AssertJ.
 */
public final class InContainer {

  private InContainer() {}

  public static WebArchive builtWar(DeploymentSettings settings, Class<?>... inside) {
    File war = new File(System.getProperty("deployment.war", "target/deployment.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(
          war + " is missing: in-container tests run after the package phase (mvn verify)");
    }
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
            .addAsManifestResource(
                new StringAsset(properties(settings.values())), "microprofile-config.properties");
    WebArchive deployment =
        ShrinkWrap.createFromZipFile(WebArchive.class, war).addAsLibrary(config);
    if (inside.length > 0) {
      deployment.addAsLibrary(jarOf(Assertions.class)).addClasses(inside);
    }
    return deployment;
  }

  private static String properties(Map<String, String> settings) {
    Properties properties = new Properties();
    properties.putAll(settings);
    properties.setProperty("config_ordinal", "500");
    StringWriter text = new StringWriter();
    try {
      properties.store(text, "in-container test settings");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
