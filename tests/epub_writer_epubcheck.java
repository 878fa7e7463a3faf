// Runs epubcheck (Debian's /usr/share/java/epubcheck.jar) on several EPUBs in one JVM, which saves
// a JVM start per file. Run as a source file:
//   java -cp /usr/share/java/epubcheck.jar tests/epub_writer_epubcheck.java A.epub B.epub ...
// Prints epubcheck's messages, then for each file a line
//   "SUMMARY <fatals> <errors> <warnings> <path>".
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubCheckBatch {
    public static void main(String[] args) {
        for (String path : args) {
            DefaultReportImpl report = new DefaultReportImpl(path);
            new EpubCheck(new File(path), report).doValidate();
            System.out.flush();
            System.err.flush();
            System.out.println("SUMMARY " + report.getFatalErrorCount() + " " + report.getErrorCount()
                               + " " + report.getWarningCount() + " " + path);
        }
    }
}
