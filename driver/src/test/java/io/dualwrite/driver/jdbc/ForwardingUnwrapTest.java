package io.dualwrite.driver.jdbc;

import static io.dualwrite.driver.jdbc.ForwardingTestSupport.SUBJECTS;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.recordingDelegate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.jdbc.ForwardingTestSupport.Recorder;
import io.dualwrite.driver.jdbc.ForwardingTestSupport.Subject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code unwrap} and {@code isWrapperFor}: the wrapper answers for every type it is an instance of
 * itself (so the application keeps the wrapper when it asks for a JDBC interface), and asks the
 * delegate for anything else (so vendor interfaces such as {@code PGConnection} stay reachable).
 */
class ForwardingUnwrapTest {

  /** A vendor-style interface none of the wrappers implements. */
  interface VendorExtension {}

  static Stream<Subject> wrappers() {
    return SUBJECTS.stream().filter(s -> Wrapper.class.isAssignableFrom(s.iface()));
  }

  private static Wrapper wrap(Subject subject, Recorder recorder) {
    return (Wrapper) subject.create().apply(recordingDelegate(subject.iface(), recorder));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrappers")
  void unwrapReturnsTheWrapperItselfForEveryTypeItIs(Subject subject) throws SQLException {
    Recorder recorder = new Recorder();
    Wrapper wrapper = wrap(subject, recorder);

    for (Class<?> own :
        List.of(
            subject.iface(),
            subject.forwardingClass(),
            wrapper.getClass(),
            Wrapper.class,
            Object.class)) {
      assertThat(wrapper.unwrap(own)).as("unwrap(%s)", own.getSimpleName()).isSameAs(wrapper);
      assertThat(wrapper.isWrapperFor(own)).as("isWrapperFor(%s)", own.getSimpleName()).isTrue();
    }
    assertThat(recorder.calls).as("the delegate is not asked").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrappers")
  void unwrapAsksTheDelegateForATypeTheWrapperIsNot(Subject subject) throws SQLException {
    VendorExtension vendorObject = new VendorExtension() {};
    Recorder recorder = new Recorder();
    recorder.answer = m -> m.getName().equals("unwrap") ? vendorObject : Boolean.TRUE;
    Wrapper wrapper = wrap(subject, recorder);

    assertThat(wrapper.unwrap(VendorExtension.class)).isSameAs(vendorObject);
    assertThat(wrapper.isWrapperFor(VendorExtension.class)).isTrue();
    assertThat(recorder.calls)
        .extracting(c -> c.method().getName() + " " + ((Class<?>) c.args()[0]).getSimpleName())
        .containsExactly("unwrap VendorExtension", "isWrapperFor VendorExtension");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrappers")
  void isWrapperForIsFalseWhenNeitherTheWrapperNorTheDelegateIsOne(Subject subject)
      throws SQLException {
    Recorder recorder = new Recorder();
    recorder.answer = m -> Boolean.FALSE;
    Wrapper wrapper = wrap(subject, recorder);

    assertThat(wrapper.isWrapperFor(VendorExtension.class)).isFalse();
    assertThat(recorder.onlyCall().method().getName()).isEqualTo("isWrapperFor");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrappers")
  void unwrapPassesTheDelegatesRefusalThrough(Subject subject) {
    SQLException refusal = new SQLException("not a wrapper for VendorExtension", "HY000");
    Recorder recorder = new Recorder();
    recorder.failure = refusal;
    Wrapper wrapper = wrap(subject, recorder);

    assertThatThrownBy(() -> wrapper.unwrap(VendorExtension.class)).isSameAs(refusal);
  }

  /** The interface a subclass such as dualwrite's connection might add. */
  interface DualWriteMarker {}

  @Test
  void unwrapFindsInterfacesASubclassAdds() throws SQLException {
    Recorder recorder = new Recorder();
    Connection connection =
        new ForwardingMarkedConnection(recordingDelegate(Connection.class, recorder));

    assertThat(connection.unwrap(DualWriteMarker.class)).isSameAs(connection);
    assertThat(connection.isWrapperFor(DualWriteMarker.class)).isTrue();
    assertThat(recorder.calls).isEmpty();
  }

  @Test
  void aWrapperAroundAWrapperUnwrapsThroughBothLayers() throws SQLException {
    VendorExtension vendorObject = new VendorExtension() {};
    Recorder recorder = new Recorder();
    recorder.answer = m -> m.getName().equals("unwrap") ? vendorObject : Boolean.TRUE;
    Connection inner =
        new ForwardingMarkedConnection(recordingDelegate(Connection.class, recorder));
    Connection outer = new ForwardingConnection(inner) {};

    assertThat(outer.unwrap(Connection.class)).isSameAs(outer);
    assertThat(outer.unwrap(DualWriteMarker.class)).isSameAs(inner);
    assertThat(outer.isWrapperFor(DualWriteMarker.class)).isTrue();
    assertThat(outer.unwrap(VendorExtension.class)).isSameAs(vendorObject);
  }

  private static final class ForwardingMarkedConnection extends ForwardingConnection
      implements DualWriteMarker {
    ForwardingMarkedConnection(Connection delegate) {
      super(delegate);
    }
  }
}
