package dev.talkbook.core.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's XML parser, hardened for files from the internet: a document type declaration is
 * refused outright (a schedule never needs one, and it is what entity expansion — "billion laughs"
 * — and external entities — XXE — are made of), external DTDs, schemas and entities are never
 * fetched or read, XInclude is off, and the JDK's secure-processing limits (entity expansion,
 * element depth, attribute counts) stay on as a second line. Callers cap the input's size first.
 */
final class SafeXml {
  private SafeXml() {}

  static Document parse(byte[] bytes, String origin) {
    DocumentBuilder builder = builder();
    try {
      return builder.parse(new ByteArrayInputStream(bytes), origin);
    } catch (SAXParseException e) {
      throw new ScheduleException(message(e), e);
    } catch (SAXException e) {
      throw new ScheduleException("The XML cannot be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ScheduleException("The XML cannot be read: " + e.getMessage(), e);
    }
  }

  private static String message(SAXParseException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
    if (m.contains("DOCTYPE") || m.contains("disallow-doctype-decl")) {
      return "The file declares a document type (<!DOCTYPE …>)"
          + where
          + ". A schedule never needs one, and it is how entity expansion (\"billion laughs\") and"
          + " external entities (XXE) work, so Talkbook does not read such files. Nothing was"
          + " imported.";
    }
    if (m.contains("entity") && (m.contains("limit") || m.contains("expansion"))) {
      return "The file expands entities beyond the safe limit"
          + where
          + " (an entity-expansion, \"billion laughs\", file). Nothing was imported.";
    }
    if (m.contains("must start and end within the same entity")
        || m.contains("Premature end of file")
        || m.contains("XML document structures")) {
      return "The XML ends before the schedule does"
          + where
          + ": the file looks cut off. Download it again. Nothing was imported.";
    }
    return "The file is not well-formed XML" + where + ": " + m + " Nothing was imported.";
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute("jdk.xml.entityExpansionLimit", "2000");
      f.setAttribute("jdk.xml.maxElementDepth", "200");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      f.setValidating(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("External entity " + systemId + " is not read.");
          });
      b.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
              // warnings are not errors
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      return b;
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("This Java's XML parser cannot be hardened", e);
    }
  }
}
