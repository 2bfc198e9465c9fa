package io.chatapp.chat.support;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of in-container tests: the chat-war WAR this build packaged, as it is, plus the
 * {@link TestBed}'s settings in a jar of their own ({@code META-INF/microprofile-config.properties}
 * at ordinal 500, above the WAR's defaults), the test classes that run inside and AssertJ.
 */
public final class InContainer {

  private InContainer() {}

  public static WebArchive chatWar(Class<?>... inside) {
    File war = new File(System.getProperty("deployment.war", "target/chat-war.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(
          war + " is missing: in-container tests run after the package phase (mvn verify)");
    }
    JavaArchive settings =
        ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
            .addAsManifestResource(
                new StringAsset(TestBed.get().settings()), "microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, war)
        .addAsLibrary(settings)
        .addAsLibrary(jarOf(Assertions.class))
        .addClasses(inside);
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
