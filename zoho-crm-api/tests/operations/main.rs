//! Every operation of the catalogue, sent to the sandbox: each must answer `Ok` of its declared
//! type (or the error a test asks for), and each area's test fails when one of the area's
//! operations was not sent. One file per area, named as the catalogue's.

mod harness;

/// A test per area, running `<area>::probe`, and a test that every area of the catalogue has one.
macro_rules! areas {
    ($($area:ident),* $(,)?) => {
        $(
            mod $area;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $area() {
                let mut harness = harness::Harness::start(stringify!($area)).await;
                $area::probe(&mut harness).await;
                harness.finish();
            }
        )*

        #[test]
        fn every_area_has_a_test() {
            harness::check_tested(&[$(stringify!($area)),*]);
        }
    };
}

areas!(modules, fields, records, search, coql);
